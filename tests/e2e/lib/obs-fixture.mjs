// One OBS and one connected client per test file.
import { GuardClient } from './guard-client.mjs';
import { ObsProcess } from './obs-process.mjs';

export async function openObs(name, options = {}) {
  const obs = await ObsProcess.start(name, options);
  let client;
  try {
    client = await GuardClient.connect(obs.port);
  } catch (error) {
    await obs.stop().catch(() => {});
    throw error;
  }
  return {
    obs,
    client,
    async close() {
      await client.disconnect().catch(() => {});
      await obs.stop();
    },
  };
}
