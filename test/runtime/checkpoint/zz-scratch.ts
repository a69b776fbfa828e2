import * as ours from "../../../src/runtime";
import { FileSaver } from "../../../src/runtime/checkpoint/file";
import { runGraph } from "../../../bench/saver-runs";
import * as fs from "node:fs";
(async () => {
  const dir = "/tmp/fs-smoke/g"; fs.rmSync(dir, { recursive: true, force: true });
  const s = new FileSaver(dir, { fsync: false });
  await runGraph("x", ours, s, dir, 20);
  const lines = fs.readFileSync(s.threadFile("chat"), "utf8").split("\n");
  console.log(lines.slice(0, 12).join("\n"));
  console.log(lines.slice(30, 34).map((l) => l.length + " " + l).join("\n"));
  const lg = await import("@langchain/langgraph");
  const dir2 = "/tmp/fs-smoke/g2"; fs.rmSync(dir2, { recursive: true, force: true });
  const s2 = new FileSaver(dir2, { fsync: false });
  await runGraph("x", lg as unknown as typeof ours, s2, dir2, 20);
  const l2 = fs.readFileSync(s2.threadFile("chat"), "utf8").split("\n");
  console.log(l2.slice(30, 34).map((l) => l.length + " " + l).join("\n"));
})();
