// A recording opens a compliance record that names the recording file, closes it when the
// recording stops, and `compliance-guard verify` accepts it. Also the screenshot artifact of OBS
// with the dock.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import { waitForStatus } from './lib/guard-client.mjs';
import { openObs } from './lib/obs-fixture.mjs';
import { imageSpread } from './lib/obs-process.mjs';
import { addGuardFilter, addImageScene, bannerWithQr, sleep } from './lib/scene-builder.mjs';

const run = promisify(execFile);
const scene = 'Recorded banner';
let session;

before(async () => {
  session = await openObs('recording-record');
  await addImageScene(session.client, scene, 'Recorded QR banner', bannerWithQr);
  await session.client.call('SetCurrentProgramScene', { sceneName: scene });
});
after(async () => {
  await session?.close();
});

const sessionDir = (response) => response?.dir ?? response?.session?.dir;

async function recordLines(dir, { timeoutMs = 10_000, until }) {
  const file = path.join(dir, 'session.jsonl');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const lines = existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)) : [];
    if (until(lines) || Date.now() > deadline) return lines;
    await sleep(200);
  }
}

test('a recording leaves a verified compliance record naming the recording file', async () => {
  const { client, obs } = session;
  await addGuardFilter(client, scene);
  await client.call('StartRecord');
  await sleep(3000);
  const recording = await client.vendor('GetSession');
  const dir = sessionDir(recording);
  assert.ok(dir, `GetSession gave no record folder: ${JSON.stringify(recording)}`);
  const { outputPath } = await client.call('StopRecord');
  assert.ok(existsSync(outputPath), `no recording at ${outputPath}`);

  const lines = await recordLines(dir, { until: (all) => all.some((line) => line.type === 'session_end') });
  assert.equal(lines[0]?.type, 'session_start', `${dir}/session.jsonl starts with ${JSON.stringify(lines[0])}`);
  assert.ok(lines.some((line) => line.type === 'session_end'), `no session_end in ${dir}/session.jsonl`);
  assert.ok(
    lines.some((line) => JSON.stringify(line).includes(path.basename(outputPath))),
    `no line of ${dir}/session.jsonl names ${outputPath}`,
  );

  // Exit 0 only for a record that is complete, intact and signed by the key it names.
  const verified = await run(obs.session.CLI, ['verify', dir]).catch((error) => error);
  assert.equal(verified.code ?? 0, 0, `compliance-guard verify ${dir}: ${verified.stdout}${verified.stderr}`);
  assert.match(String(verified.stdout), /signed/, `verify ${dir} does not say the record is signed`);

  // The appeal report of the session names the recording and the signing key.
  const report = path.join(obs.dir, 'recording-report.html');
  const made = await run(obs.session.CLI, ['report', dir, '--out', report, '--lang', 'en-US']).catch((error) => error);
  assert.equal(made.code ?? 0, 0, `compliance-guard report ${dir}: ${made.stdout}${made.stderr}`);
  const html = readFileSync(report, 'utf8');
  assert.ok(html.includes(path.basename(outputPath)), `${report} does not name the recording ${outputPath}`);
  assert.ok(html.includes('SHA256:'), `${report} shows no key fingerprint`);
});

test('a screenshot of OBS with the dock is saved and is not blank', async (t) => {
  // Show the guard at work: the QR finding open, with its evidence thumbnail in the dock.
  await waitForStatus(session.client, (s) => s.state === 'breach' && s.recent.some((r) => r.evidence), {
    what: 'QR finding with evidence',
  });
  await sleep(1500); // the dock repaints on the Qt thread from the queued status signal
  const shot = await session.obs.screenshot(path.join(session.obs.dir, 'obs-with-dock.png'));
  t.diagnostic(`screenshot: ${shot}`);
  const spread = await imageSpread(shot);
  assert.ok(spread > 0.05, `screenshot ${shot} looks blank (standard deviation ${spread})`);
  const status = await session.client.status();
  assert.ok(Array.isArray(status.scenes), 'the guard answers GetStatus while its dock is shown');
});
