import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// Libraries change less often than the app: separate chunks stay cached across releases.
const vendorGroups = [
  { name: "react", test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
  { name: "mantine", test: /node_modules[\\/]@mantine[\\/]/ },
  { name: "tanstack", test: /node_modules[\\/]@tanstack[\\/]/ },
  { name: "i18n", test: /node_modules[\\/](i18next|react-i18next)[\\/]/ },
  { name: "zod", test: /node_modules[\\/]zod[\\/]/ },
];

/**
 * Two builds. The browser build makes the staff app (index.html) and the public site's islands
 * (src/site/client.tsx), with a manifest the server reads to name the site's assets. The server
 * build (--ssr) makes dist/server/render.js, which the server imports to render public pages.
 * The API runs beside the dev server; in production the server serves dist/ itself.
 */
export default defineConfig(({ isSsrBuild }) =>
  isSsrBuild
    ? {
        plugins: [react()],
        ssr: { noExternal: true, target: "node" },
        build: {
          outDir: "dist/server",
          emptyOutDir: false,
          sourcemap: false,
          rolldownOptions: { input: "src/site/render.tsx", output: { entryFileNames: "render.js" } },
        },
      }
    : {
        plugins: [react()],
        server: {
          port: 5173,
          proxy: { "/api": { target: "http://127.0.0.1:3000", changeOrigin: false } },
        },
        build: {
          outDir: "dist",
          emptyOutDir: true,
          manifest: true,
          // Maps are written for debugging a build but not named in the files, and the server never serves them.
          sourcemap: "hidden",
          rolldownOptions: {
            input: { app: "index.html", site: "src/site/client.tsx" },
            output: { codeSplitting: { groups: vendorGroups } },
          },
        },
      },
);
