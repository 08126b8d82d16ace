// Scenes built over obs-websocket the way a streamer builds them in OBS: an image filling the
// canvas, and the guard's filter on the scene.
import path from 'node:path';
import { demoDir } from './obs-process.mjs';
import { filterKind } from './guard-client.mjs';

export const bannerWithQr = path.join(demoDir, 'banner-with-qr.png');
export const bannerClean = path.join(demoDir, 'banner-clean.png');

// Creates scene `scene` holding an image source `input` stretched to the canvas; returns the item id.
export async function addImageScene(client, scene, input, file) {
  await client.call('CreateScene', { sceneName: scene });
  const { sceneItemId } = await client.call('CreateInput', {
    sceneName: scene,
    inputName: input,
    inputKind: 'image_source',
    inputSettings: { file },
  });
  const { baseWidth, baseHeight } = await client.call('GetVideoSettings');
  await client.call('SetSceneItemTransform', {
    sceneName: scene,
    sceneItemId,
    sceneItemTransform: { boundsType: 'OBS_BOUNDS_STRETCH', boundsWidth: baseWidth, boundsHeight: baseHeight },
  });
  return sceneItemId;
}

export async function addGuardFilter(client, scene, filterSettings = {}) {
  await client.call('CreateSourceFilter', {
    sourceName: scene,
    filterName: 'Compliance Guard',
    filterKind,
    filterSettings,
  });
}

export function setItemVisible(client, scene, sceneItemId, visible) {
  return client.call('SetSceneItemEnabled', { sceneName: scene, sceneItemId, sceneItemEnabled: visible });
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
