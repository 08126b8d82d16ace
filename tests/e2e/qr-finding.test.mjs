// A QR code going on air: the guard raises the finding, clears it when the code goes away, and
// stops analysing a scene the streamer unticks in the dock.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { isQrCleared, isQrRaised, waitForStatus } from './lib/guard-client.mjs';
import { openObs } from './lib/obs-fixture.mjs';
import { addGuardFilter, addImageScene, bannerWithQr, setItemVisible, sleep } from './lib/scene-builder.mjs';

const scene = 'QR on air';
const idle = 'Idle';
let session;
let qrItem;
let qrRaised = false; // later steps start from the raised finding

before(async () => {
  session = await openObs('qr-finding');
  await session.client.call('CreateScene', { sceneName: idle });
  await session.client.call('SetCurrentProgramScene', { sceneName: idle });
});
after(async () => {
  await session?.close();
});

test('the Compliance Guard filter can be added to a scene with a QR banner', async () => {
  const { client } = session;
  qrItem = await addImageScene(client, scene, 'Banner with QR code', bannerWithQr);
  await addGuardFilter(client, scene);
  const { filters } = await client.call('GetSourceFilterList', { sourceName: scene });
  assert.deepEqual(filters.map((f) => f.filterKind), ['compliance_guard_filter']);
});

test('switching the scene on program raises the QR finding through the vendor event', async (t) => {
  const { client } = session;
  const since = client.vendorEvents.length;
  const switchedAt = performance.now();
  await client.call('SetCurrentProgramScene', { sceneName: scene });
  const raised = await client.waitForEvent(isQrRaised, { since, timeoutMs: 10_000, what: 'QR FindingChanged' });
  const latencyS = (raised.at - switchedAt) / 1000;
  qrRaised = true;
  t.diagnostic(`QR on air -> FindingChanged(${raised.eventData.state}) in ${latencyS.toFixed(3)} s`);
  assert.ok(latencyS < 5, `the finding took ${latencyS} s`);
  const status = await client.status();
  assert.equal(status.analysing, true);
  assert.ok(status.rules.some((row) => row.category === 'qr_code'), JSON.stringify(status.rules));
});

test('the acknowledge hotkey marks the warning as seen and the record keeps it', async () => {
  const { client } = session;
  assert.ok(qrRaised, 'needs the raised QR finding of the previous test');
  const before = await client.status();
  assert.equal(before.acknowledged, false, JSON.stringify(before));
  await client.call('TriggerHotkeyByName', { hotkeyName: 'ComplianceGuard.Acknowledge' });
  await waitForStatus(client, (s) => s.acknowledged === true, { what: 'acknowledged: true' });
  const current = await client.vendor('GetSession');
  const dir = current?.dir ?? current?.session?.dir;
  assert.ok(dir, `GetSession gave no record folder: ${JSON.stringify(current)}`);
  // The record is written by its own thread: the line follows the status shortly.
  const file = path.join(dir, 'session.jsonl');
  let acknowledged = [];
  for (const deadline = Date.now() + 10_000; acknowledged.length === 0 && Date.now() < deadline; await sleep(200)) {
    acknowledged = readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l))
      .filter((line) => line.type === 'acknowledged');
  }
  assert.equal(acknowledged.length, 1, `${dir}/session.jsonl: ${JSON.stringify(acknowledged)}`);
  assert.equal(acknowledged[0].payload.by, 'hotkey');
  assert.notEqual(acknowledged[0].payload.state, 'clear', JSON.stringify(acknowledged[0]));
});

test('hiding the banner clears the QR finding', async () => {
  const { client } = session;
  assert.ok(qrRaised, 'needs the raised QR finding of the previous test');
  const since = client.vendorEvents.length;
  await setItemVisible(client, scene, qrItem, false);
  await client.waitForEvent(isQrCleared, { since, timeoutMs: 30_000, what: 'QR finding cleared' });
  const status = await client.status();
  assert.ok(!status.rules.some((row) => row.category === 'qr_code' && row.state !== 'clear'), JSON.stringify(status));
});

test('an unwatched scene is not analysed, and watching it again brings the finding back', async () => {
  const { client } = session;
  await client.vendor('SetSceneWatched', { scene, watched: false });
  const status = await waitForStatus(client, (s) => s.analysing === false, { what: 'analysing: false' });
  assert.ok(status.scenes.some((s) => s.name === scene && s.watched === false), JSON.stringify(status.scenes));

  const since = client.vendorEvents.length;
  await setItemVisible(client, scene, qrItem, true);
  await sleep(3000);
  assert.deepEqual(client.findingEvents(since).filter(isQrRaised), [], 'a finding on an unwatched scene');

  await client.vendor('SetSceneWatched', { scene, watched: true });
  await client.waitForEvent(isQrRaised, { since, timeoutMs: 10_000, what: 'QR finding after watching again' });
});
