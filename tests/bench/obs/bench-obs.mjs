#!/usr/bin/env node
// The guard in real OBS (tests/e2e harness): latency from a QR code going on air to the
// FindingChanged vendor event, and OBS's own frame render time and process CPU with the filter on
// the program scene against the same scene without it. Prints a table and a JSON summary (also
// written to bench-obs.json in the run's artifact folder).
//
//   node tests/bench/obs/bench-obs.mjs [--trials 20] [--window-s 10] [--rounds 3] [--width 1920] [--height 1080] [--fps 30]
//                                      [--analysis-height 0|1080|720|540] [--codes-only] [--off CHECK ...]
//
// --off turns one of the filter's checks off (logo_check, screen_text_check, presenter_check,
// idle_check, quality_check), to see what each costs.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { isQrCleared, isQrRaised } from '../../e2e/lib/guard-client.mjs';
import { openObs } from '../../e2e/lib/obs-fixture.mjs';
import { processCpuSeconds } from '../../e2e/lib/obs-process.mjs';
import { addGuardFilter, addImageScene, bannerClean, bannerWithQr, sleep } from '../../e2e/lib/scene-builder.mjs';

const { values: options } = parseArgs({
  options: {
    trials: { type: 'string', default: '20' },
    'window-s': { type: 'string', default: '10' },
    // Windows with and without the filter, alternated so that drift falls on both sides alike.
    rounds: { type: 'string', default: '3' },
    width: { type: 'string', default: '1920' },
    height: { type: 'string', default: '1080' },
    fps: { type: 'string', default: '30' },
    // The filter's analysis resolution (0: the full canvas, the default).
    'analysis-height': { type: 'string', default: '0' },
    // Only the code detector (the presence, idle and quality detectors off).
    'codes-only': { type: 'boolean', default: false },
    off: { type: 'string', multiple: true, default: [] },
  },
});
const trials = Number(options.trials);
const windowS = Number(options['window-s']);
const rounds = Number(options.rounds);
const filterSettings = {
  analysis_height: Number(options['analysis-height']),
  ...(options['codes-only'] ? { presenter_check: false, idle_check: false, quality_check: false } : {}),
  ...Object.fromEntries(options.off.map((check) => [check, false])),
};
const qrScene = 'Bench QR banner';
const cleanScene = 'Bench clean banner';

// Nearest-rank percentile of the sorted samples.
function percentile(sorted, p) {
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
}
const mean = (values) => values.reduce((sum, v) => sum + v, 0) / values.length;
const round = (value, digits = 3) => Number(value.toFixed(digits));

// OBS's GetStats sampled every 0.5 s over the window, and the process CPU from /proc over the same.
async function measureWindow(client, pid) {
  await sleep(2000); // warm-up after the change
  const first = await client.call('GetStats');
  const cpuStart = processCpuSeconds(pid);
  const started = performance.now();
  const samples = [];
  while (performance.now() - started < windowS * 1000) {
    await sleep(500);
    samples.push(await client.call('GetStats'));
  }
  const elapsedS = (performance.now() - started) / 1000;
  const last = samples.at(-1);
  return {
    frameRenderMs: mean(samples.map((s) => s.averageFrameRenderTime)),
    obsCpuPct: mean(samples.map((s) => s.cpuUsage)),
    procCpuPct: ((processCpuSeconds(pid) - cpuStart) / elapsedS) * 100,
    renderSkipped: last.renderSkippedFrames - first.renderSkippedFrames,
    renderTotal: last.renderTotalFrames - first.renderTotalFrames,
  };
}

function combine(windows) {
  return {
    frame_render_ms: round(mean(windows.map((w) => w.frameRenderMs))),
    obs_cpu_pct: round(mean(windows.map((w) => w.obsCpuPct)), 1),
    proc_cpu_pct: round(mean(windows.map((w) => w.procCpuPct)), 1),
    render_skipped_frames: windows.reduce((sum, w) => sum + w.renderSkipped, 0),
    render_total_frames: windows.reduce((sum, w) => sum + w.renderTotal, 0),
  };
}

async function measureOverhead(client, pid) {
  const withFilter = [];
  const withoutFilter = [];
  // Alternate so that drift (other load on the machine, caches) falls on both sides alike.
  for (let round = 0; round < rounds; round++) {
    withoutFilter.push(await measureWindow(client, pid));
    await addGuardFilter(client, qrScene, filterSettings);
    withFilter.push(await measureWindow(client, pid));
    await client.call('RemoveSourceFilter', { sourceName: qrScene, filterName: 'Compliance Guard' });
  }
  // Leave the QR scene guarded and its finding raised: every latency trial starts by clearing it.
  const since = client.vendorEvents.length;
  await addGuardFilter(client, qrScene, filterSettings);
  await client.waitForEvent(isQrRaised, { since, timeoutMs: 10_000, what: 'QR FindingChanged after re-adding the filter' });
  return { with: combine(withFilter), without: combine(withoutFilter) };
}

async function measureLatency(client) {
  const latencies = [];
  for (let trial = 0; trial < trials; trial++) {
    const awaySince = client.vendorEvents.length;
    await client.call('SetCurrentProgramScene', { sceneName: cleanScene });
    await client.waitForEvent(isQrCleared, { since: awaySince, timeoutMs: 60_000, what: 'QR finding cleared' });
    await sleep(500);
    const since = client.vendorEvents.length;
    const switchedAt = performance.now();
    await client.call('SetCurrentProgramScene', { sceneName: qrScene });
    const raised = await client.waitForEvent(isQrRaised, { since, timeoutMs: 10_000, what: 'QR FindingChanged' });
    latencies.push((raised.at - switchedAt) / 1000);
  }
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    trials,
    p50_s: round(percentile(sorted, 50)),
    p95_s: round(percentile(sorted, 95)),
    max_s: round(sorted.at(-1)),
    samples_s: latencies.map((v) => round(v)),
  };
}

function printTable(summary) {
  const { latency, render } = summary;
  const increase = render.frame_render_increase_pct;
  const rows = [
    ['QR on air -> FindingChanged p50 / p95 (s)', `${latency.p50_s} / ${latency.p95_s}`, `${latency.trials} trials`],
    ['average frame render time (ms)', render.with.frame_render_ms, render.without.frame_render_ms],
    ['frame render time increase (%)', increase, ''],
    ['OBS CPU, GetStats cpuUsage (%)', render.with.obs_cpu_pct, render.without.obs_cpu_pct],
    ['OBS CPU, /proc/PID/stat (%)', render.with.proc_cpu_pct, render.without.proc_cpu_pct],
    ['render skipped / total frames', `${render.with.render_skipped_frames} / ${render.with.render_total_frames}`,
      `${render.without.render_skipped_frames} / ${render.without.render_total_frames}`],
  ];
  const header = ['measure', 'with filter', 'without filter'];
  const widths = header.map((_, i) => Math.max(...[header, ...rows].map((row) => String(row[i]).length)));
  for (const row of [header, widths.map((w) => '-'.repeat(w)), ...rows]) {
    console.log(row.map((cell, i) => String(cell).padEnd(widths[i])).join(' | '));
  }
}

const session = await openObs('bench-obs', { width: options.width, height: options.height, fps: options.fps });
let failed = false;
try {
  const { client, obs } = session;
  await addImageScene(client, cleanScene, 'Bench clean banner image', bannerClean);
  await addGuardFilter(client, cleanScene, filterSettings);
  await addImageScene(client, qrScene, 'Bench QR banner image', bannerWithQr);
  await client.call('SetCurrentProgramScene', { sceneName: qrScene });

  const overhead = await measureOverhead(client, obs.pid);
  const latency = await measureLatency(client);
  const version = await client.call('GetVersion');
  const summary = {
    obs_version: version.obsVersion,
    canvas: `${options.width}x${options.height}`,
    fps: Number(options.fps),
    analysis_height: filterSettings.analysis_height,
    detectors: options['codes-only'] ? 'codes only' : 'all (default)',
    checks_off: options.off,
    window_s: windowS,
    rounds,
    latency,
    render: {
      ...overhead,
      frame_render_increase_pct: round((overhead.with.frame_render_ms / overhead.without.frame_render_ms - 1) * 100, 1),
    },
  };
  printTable(summary);
  console.log(JSON.stringify(summary, null, 2));
  writeFileSync(path.join(obs.dir, 'bench-obs.json'), `${JSON.stringify(summary, null, 2)}\n`);
} catch (error) {
  failed = true;
  console.error(`bench-obs: ${error.stack || error}`);
} finally {
  await session.close().catch((error) => {
    failed = true;
    console.error(`bench-obs: ${error.message}`);
  });
}
process.exit(failed ? 1 : 0);
