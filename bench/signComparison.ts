import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { compareSigns, geometryOf, type ComparedAnnotation, type SignGeometry } from '../src/core/comparison';
import { SeededRandom } from '../src/dicomweb/sample/seededRandom';
import { arrow, bidirectional, circle, ellipse, freehand, length, probe, rectangle } from '../test/fixtures/cornerstoneAnnotations';

const SIGNS = 200;
const RUNS = Number(process.env.BENCH_COMPARISON_RUNS ?? 201);
const WARM_UP = 30;
const TARGET_MS = 20;
/** Of the resident's drawings, this many are the reference's drawn again a little off; the rest lie elsewhere. */
const REDRAWN = 150;

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

type Draw = (uid: string, x: number, y: number, z: number, size: number, random: SeededRandom) => ComparedAnnotation;

/** The tools in about the proportions residents use them: mostly lengths, then outlines. */
const TOOLS: Array<[number, Draw]> = [
  [40, (uid, x, y, z, size, r) => length(uid, [x - size / 2, y, z], [x + size / 2, y + r.between(-2, 2), z])],
  [10, (uid, x, y, z, size) => bidirectional(uid, [[x - size / 2, y, z], [x + size / 2, y, z]], [[x, y - size / 3, z], [x, y + size / 3, z]])],
  [15, (uid, x, y, z, size) => ellipse(uid, [x, y, z], size / 2, size / 2.6)],
  [10, (uid, x, y, z, size) => circle(uid, [x, y, z], size / 2)],
  [5, (uid, x, y, z, size) => rectangle(uid, [x - size / 2, y - size / 3], [x + size / 2, y + size / 3], z)],
  // A hand-drawn outline of 200 points with a wobbly edge.
  [10, (uid, x, y, z, size, r) => {
    const wobble = Array.from({ length: 7 }, () => r.between(-0.08, 0.08));
    return freehand(
      uid,
      Array.from({ length: 200 }, (_, k) => {
        const angle = (2 * Math.PI * k) / 200;
        const reach = (size / 2) * (1 + wobble.reduce((sum, w, i) => sum + w * Math.sin((i + 2) * angle), 0));
        return [x + reach * Math.cos(angle), y + reach * Math.sin(angle), z] as [number, number, number];
      }),
    );
  }],
  [5, (uid, x, y, z) => arrow(uid, [x, y, z], [x + 25, y - 25, z])],
  [5, (uid, x, y, z) => probe(uid, [x, y, z])],
];

function pickTool(random: SeededRandom): Draw {
  let ticket = random.between(0, 100);
  for (const [share, draw] of TOOLS) {
    ticket -= share;
    if (ticket < 0) return draw;
  }
  return TOOLS[0]![1];
}

/** Signs on one chest CT series: 54 slices of 5 mm over a 360 mm field, as a long case could hold them. */
function sessionDrawings(): { reference: ComparedAnnotation[]; resident: ComparedAnnotation[] } {
  const random = new SeededRandom(2026);
  const placed = Array.from({ length: SIGNS }, () => ({
    draw: pickTool(random),
    x: random.between(-150, 150),
    y: random.between(-120, 120),
    slice: Math.floor(random.between(0, 54)),
    size: random.between(8, 40),
  }));
  const reference = placed.map((sign, k) => sign.draw(`ref-${k}`, sign.x, sign.y, -5 * sign.slice, sign.size, random));
  const resident = placed.map((sign, k) => {
    if (k < REDRAWN) {
      const slice = sign.slice + Math.floor(random.between(-1, 2));
      return sign.draw(`res-${k}`, sign.x + random.between(-3, 3), sign.y + random.between(-3, 3), -5 * slice, sign.size * random.between(0.9, 1.1), random);
    }
    return pickTool(random)(`res-${k}`, random.between(-150, 150), random.between(-120, 120), -5 * Math.floor(random.between(0, 54)), random.between(8, 40), random);
  });
  return { reference, resident };
}

function geometries(annotations: ComparedAnnotation[]): SignGeometry[] {
  return annotations.map(annotation => {
    const read = geometryOf(annotation);
    if (!read.ok) throw new Error(`Bench drawing ${annotation.uid} is unreadable: ${read.reason.en}`);
    return read.geometry;
  });
}

export function benchSignComparison(): void {
  console.log(`\n7. Sign comparison: ${SIGNS} resident vs ${SIGNS} reference annotations on one CT series (${REDRAWN} redrawn near a reference drawing), ${RUNS} runs`);
  const { reference, resident } = sessionDrawings();
  const reading: number[] = [];
  const comparing: number[] = [];
  // The process's own CPU time beside the wall clock: on a machine shared with other work, the wall
  // clock also counts the time the process waited for a core.
  const comparingCpu: number[] = [];
  let found = 0;
  for (let run = 0; run < WARM_UP + RUNS; run++) {
    const started = performance.now();
    const referenceSigns = geometries(reference);
    const residentSigns = geometries(resident);
    const read = performance.now();
    const cpuBefore = process.cpuUsage();
    found = compareSigns(referenceSigns, residentSigns).found.length;
    const cpu = process.cpuUsage(cpuBefore);
    const compared = performance.now();
    if (run < WARM_UP) continue;
    reading.push(read - started);
    comparing.push(compared - read);
    comparingCpu.push((cpu.user + cpu.system) / 1000);
  }
  const p95 = percentile(comparing, 95);
  console.log(
    `   compareSigns     median ${percentile(comparing, 50).toFixed(2)} ms  p95 ${p95.toFixed(2)} ms   ratio to ${TARGET_MS} ms (p95): ${(p95 / TARGET_MS).toFixed(3)} ${p95 <= TARGET_MS ? 'OK' : 'OVER TARGET'}` +
      `   (CPU time median ${percentile(comparingCpu, 50).toFixed(2)} ms)`,
  );
  console.log(`   geometryOf × ${2 * SIGNS}  median ${percentile(reading, 50).toFixed(2)} ms  p95 ${percentile(reading, 95).toFixed(2)} ms   (${found} found)`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) benchSignComparison();
