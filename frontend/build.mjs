// Bundles the card into one ES module that Home Assistant serves; same source, same bytes.
import { build } from "esbuild";
import { fileURLToPath } from "node:url";

const outfile =
  process.argv[2] ??
  fileURLToPath(
    new URL("../custom_components/nfc_jukebox/frontend/nfc-jukebox-card.js", import.meta.url),
  );

await build({
  entryPoints: [fileURLToPath(new URL("src/nfc-jukebox-card.ts", import.meta.url))],
  outfile,
  bundle: true,
  format: "esm",
  target: "es2021",
  minify: true,
  legalComments: "eof",
  charset: "utf8",
  logLevel: "warning",
});
