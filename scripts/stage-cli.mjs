// Build the light command line (union-ledger-cli) in release and put it where Tauri's bundler
// takes "external binaries" from: src-tauri/binaries/union-ledger-cli-<target triple>[.exe].
// The bundler drops the triple, so every installer carries union-ledger-cli beside the app.
// Run by `tauri build --config src-tauri/tauri.bundle.conf.json` (see README); works on
// Windows and Linux alike.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const rustc = execFileSync('rustc', ['-vV'], { encoding: 'utf8' });
const triple = /host: (\S+)/.exec(rustc)?.[1];
if (!triple) throw new Error('rustc -vV did not name the host target');
const exe = process.platform === 'win32' ? '.exe' : '';
execFileSync('cargo', ['build', '--release', '-p', 'union-ledger-cli'], { cwd: root, stdio: 'inherit' });
const out = join(root, 'src-tauri', 'binaries');
mkdirSync(out, { recursive: true });
copyFileSync(join(root, 'target', 'release', `union-ledger-cli${exe}`), join(out, `union-ledger-cli-${triple}${exe}`));
console.log(`union-ledger-cli staged for ${triple}`);
