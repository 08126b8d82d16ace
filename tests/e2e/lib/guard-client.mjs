// An obs-websocket v5 client of one OBS, with the guard's vendor requests and events
// (plugin/obs/guard_api.hpp: vendor "compliance-guard").
import { OBSWebSocket, EventSubscription } from 'obs-websocket-js';

export const vendorName = 'compliance-guard';
export const filterKind = 'compliance_guard_filter';

export class GuardClient {
  constructor(obs) {
    this.obs = obs;
    this.vendorEvents = []; // {eventType, eventData, at} in arrival order, `at` from performance.now()
    this.waiters = new Set();
    obs.on('VendorEvent', ({ vendorName: vendor, eventType, eventData }) => {
      if (vendor !== vendorName) return;
      const event = { eventType, eventData, at: performance.now() };
      this.vendorEvents.push(event);
      for (const waiter of this.waiters) waiter(event);
    });
  }

  static async connect(port) {
    const obs = new OBSWebSocket();
    await obs.connect(`ws://127.0.0.1:${port}`, undefined, {
      eventSubscriptions: EventSubscription.All | EventSubscription.Vendors,
    });
    await waitUntilReady(obs);
    return new GuardClient(obs);
  }

  call(requestType, requestData) {
    return this.obs.call(requestType, requestData);
  }

  async vendor(requestType, requestData = {}) {
    const response = await this.obs.call('CallVendorRequest', { vendorName, requestType, requestData });
    return response.responseData;
  }

  status() {
    return this.vendor('GetStatus');
  }

  // The first vendor event after index `since` (default: from now on) that `matches`, or a
  // rejection naming what was awaited after timeoutMs.
  waitForEvent(matches, { timeoutMs = 10_000, since = this.vendorEvents.length, what = 'vendor event' } = {}) {
    const earlier = this.vendorEvents.slice(since).find(matches);
    if (earlier) return Promise.resolve(earlier);
    return new Promise((resolve, reject) => {
      const waiter = (event) => {
        if (!matches(event)) return;
        clearTimeout(timer);
        this.waiters.delete(waiter);
        resolve(event);
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        const seen = this.vendorEvents.slice(since).map((e) => `${e.eventType} ${JSON.stringify(e.eventData)}`);
        reject(new Error(`no ${what} within ${timeoutMs} ms; vendor events seen: ${seen.join('; ') || 'none'}`));
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  findingEvents(since = 0) {
    return this.vendorEvents.slice(since).filter((e) => e.eventType === 'FindingChanged');
  }

  async disconnect() {
    await this.obs.disconnect();
  }
}

// FindingChanged payloads: {"rule", "category", "state", "previous_state", ...}.
export const isQrFinding = (event) =>
  event.eventType === 'FindingChanged' &&
  (event.eventData.category === 'qr_code' || String(event.eventData.rule).startsWith('qr_code'));
export const isQrRaised = (event) => isQrFinding(event) && event.eventData.state !== 'clear';
export const isQrCleared = (event) => isQrFinding(event) && event.eventData.state === 'clear';

// Polls GetStatus until `holds(status)` or the time is up; returns the last status.
export async function waitForStatus(client, holds, { timeoutMs = 10_000, what = 'status' } = {}) {
  const deadline = Date.now() + timeoutMs;
  let status;
  for (;;) {
    status = await client.status();
    if (holds(status)) return status;
    if (Date.now() > deadline) throw new Error(`${what} not reached within ${timeoutMs} ms: ${JSON.stringify(status)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

// obs-websocket answers NotReady (207) until OBS has finished loading, which can come a moment
// after the plugin's own ready line.
async function waitUntilReady(obs, timeoutMs = 20_000) {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    try {
      await obs.call('GetSceneList');
      return;
    } catch (error) {
      if (error.code !== 207 || performance.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
