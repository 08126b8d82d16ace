// The harness itself: real OBS starts with the plugin, obs-websocket answers, scenes and sources
// can be built, the screen is not blank, and OBS exits cleanly with the plugin unloaded.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { openObs } from './lib/obs-fixture.mjs';
import { imageSpread } from './lib/obs-process.mjs';
import { addImageScene, bannerWithQr, sleep } from './lib/scene-builder.mjs';

let session;
before(async () => {
  session = await openObs('harness');
});
after(async () => {
  await session?.close();
});

test('OBS 30 runs with the plugin loaded and obs-websocket 5 answering', async () => {
  const version = await session.client.call('GetVersion');
  assert.match(version.obsVersion, /^30\./);
  assert.match(version.obsWebSocketVersion, /^5\./);
  assert.match(session.obs.log(), /\[compliance-guard\] plugin loaded \(version /);
});

test('a scene with the demo banner can be built and put on program', async () => {
  const { client } = session;
  await addImageScene(client, 'Harness banner', 'Harness QR banner', bannerWithQr);
  await client.call('SetCurrentProgramScene', { sceneName: 'Harness banner' });
  const { currentProgramSceneName } = await client.call('GetCurrentProgramScene');
  assert.equal(currentProgramSceneName, 'Harness banner');
  const { sceneItems } = await client.call('GetSceneItemList', { sceneName: 'Harness banner' });
  assert.deepEqual(sceneItems.map((item) => item.sourceName), ['Harness QR banner']);
});

test('a screenshot of OBS shows its window, not a blank screen', async () => {
  await sleep(1500); // let the preview draw the new scene
  const shot = await session.obs.screenshot(path.join(session.obs.dir, 'obs-window.png'));
  const spread = await imageSpread(shot);
  assert.ok(spread > 0.05, `screenshot ${shot} looks blank (standard deviation ${spread})`);
});

test('SIGINT closes OBS cleanly and unloads the plugin', async () => {
  await session.close();
  assert.match(session.obs.log(), /\[compliance-guard\] plugin unloaded/);
});
