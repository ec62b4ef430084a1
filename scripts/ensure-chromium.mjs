// Browser tests need Debian's Chromium at /usr/bin/chromium (never a downloaded browser).
// Installs it with apt-get when we are root; otherwise says how and fails.
import { execSync } from "node:child_process";
import { existsSync } from "node:fs";

const chromium = "/usr/bin/chromium";
if (!existsSync(chromium)) {
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (!isRoot) {
    console.error(
      `${chromium} is missing. Install Debian's Chromium first:\n  sudo apt-get update && sudo apt-get install -y chromium\n` +
        `(Falta ${chromium}: instálelo con apt-get install chromium.)`,
    );
    process.exit(1);
  }
  console.log(`${chromium} is missing: installing Debian's chromium package…`);
  execSync("apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium", {
    stdio: "inherit",
    shell: "/bin/bash",
  });
  if (!existsSync(chromium)) {
    console.error(`apt-get finished but ${chromium} is still missing.`);
    process.exit(1);
  }
}
