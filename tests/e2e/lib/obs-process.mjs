// Real OBS for one test file or one benchmark run, through scripts/lib/obs-session.sh (the one place
// that knows how to launch OBS): a throw-away config and Xvfb, the plugin installed from the build.
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const repoDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const demoDir = path.join(repoDir, 'data/demo');
const sessionScript = path.join(repoDir, 'scripts/lib/obs-session.sh');

// CTest passes the build it runs in (CG_BUILD_DIR): install from it as built. By hand, the script
// builds the preset in CG_PRESET (default dev).
export function buildOptions() {
  if (process.env.CG_BUILD_DIR) return ['--build-dir', process.env.CG_BUILD_DIR, '--no-build'];
  return ['--preset', process.env.CG_PRESET || 'dev'];
}

export function buildDir() {
  return process.env.CG_BUILD_DIR || path.join(repoDir, 'build', process.env.CG_PRESET || 'dev');
}

// Where a run keeps OBS's config, logs, recordings and screenshots: <build>/e2e-artifacts/NAME-TIME.
export function artifactDir(name) {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const dir = path.join(buildDir(), 'e2e-artifacts', `${name}-${stamp}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

function parseSession(text) {
  const session = {};
  for (const line of text.split('\n')) {
    const match = /^([A-Z_]+)=(.*)$/.exec(line);
    if (match) session[match[1]] = match[2];
  }
  return session;
}

async function runSession(args, timeoutMs) {
  // An empty DISPLAY makes the script start its own Xvfb even when the caller has a display.
  const env = { ...process.env, DISPLAY: '' };
  try {
    return await run(sessionScript, args, { env, timeout: timeoutMs, maxBuffer: 16 << 20 });
  } catch (error) {
    const detail = `${error.stdout || ''}${error.stderr || ''}`.trim();
    throw new Error(`obs-session.sh ${args[0]} failed: ${error.message}\n${detail}`);
  }
}

export class ObsProcess {
  constructor(dir, session) {
    this.dir = dir;
    this.session = session;
    this.pid = Number(session.OBS_PID);
    this.port = Number(session.PORT);
    this.stopped = false;
  }

  // Options: width, height, fps, collection (template path), scene.
  static async start(name, options = {}) {
    const dir = artifactDir(name);
    const args = ['start', '--dir', path.join(dir, 'obs'), ...buildOptions()];
    for (const key of ['width', 'height', 'fps', 'collection', 'scene']) {
      if (options[key] !== undefined) args.push(`--${key}`, String(options[key]));
    }
    const { stdout } = await runSession(args, 300_000);
    return new ObsProcess(dir, parseSession(stdout));
  }

  log() {
    return readFileSync(this.session.LOG, 'utf8');
  }

  async screenshot(file) {
    await runSession(['screenshot', '--dir', path.join(this.dir, 'obs'), file], 30_000);
    return file;
  }

  // SIGINT and a clean exit, with the plugin's module unload in the log.
  async stop() {
    if (this.stopped) return;
    this.stopped = true;
    await runSession(['stop', '--dir', path.join(this.dir, 'obs')], 120_000);
  }
}

// Standard deviation of the image's pixel values (0..1): 0 for a blank screen.
export async function imageSpread(file) {
  const { stdout } = await run('convert', [file, '-format', '%[fx:standard_deviation]', 'info:']);
  return Number(stdout.trim());
}

// Seconds of CPU (user + system) the process has used so far, from /proc/PID/stat.
export function processCpuSeconds(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticksPerSecond = 100; // USER_HZ, 100 on every Linux ABI OBS runs on
  return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
}
