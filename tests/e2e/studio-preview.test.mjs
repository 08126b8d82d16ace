// A scene shown only in the Studio Mode preview is not on air: no finding until it goes to program.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { isQrRaised } from './lib/guard-client.mjs';
import { openObs } from './lib/obs-fixture.mjs';
import { addGuardFilter, addImageScene, bannerWithQr, sleep } from './lib/scene-builder.mjs';

const scene = 'QR in preview';
let session;

before(async () => {
  session = await openObs('studio-preview');
  const { client } = session;
  await client.call('CreateScene', { sceneName: 'On air' });
  await client.call('SetCurrentProgramScene', { sceneName: 'On air' });
  await client.call('SetStudioModeEnabled', { studioModeEnabled: true });
});
after(async () => {
  await session?.close();
});

test('a QR scene only in the Studio Mode preview raises no finding', async () => {
  const { client } = session;
  await addImageScene(client, scene, 'Preview banner', bannerWithQr);
  await addGuardFilter(client, scene);
  const since = client.vendorEvents.length;
  await client.call('SetCurrentPreviewScene', { sceneName: scene });
  await sleep(4000);
  assert.deepEqual(client.findingEvents(since).filter(isQrRaised), [], 'a finding from the preview');
  const status = await client.status();
  assert.equal(status.analysing, false);
  assert.ok(status.scenes.some((s) => s.name === scene && s.in_preview && !s.on_program), JSON.stringify(status.scenes));
});

test('the same scene raises the finding once it is on program', async () => {
  const { client } = session;
  const since = client.vendorEvents.length;
  await client.call('SetCurrentProgramScene', { sceneName: scene });
  await client.waitForEvent(isQrRaised, { since, timeoutMs: 10_000, what: 'QR finding on program' });
});
