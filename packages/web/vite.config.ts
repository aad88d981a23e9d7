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

/** The API runs beside the dev server; in production the server serves dist/ itself. */
export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: { "/api": { target: "http://127.0.0.1:3000", changeOrigin: false } },
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: { output: { codeSplitting: { groups: vendorGroups } } },
  },
});
