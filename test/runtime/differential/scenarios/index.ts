/**
 * Every scenario file of the differential suite, by the name its scenarios are reported under
 * (`<file>/<export>`, the key `differences.ts` uses). Each file exports only scenario functions.
 */
import { Scenario } from "../lib";
import * as breakpoints from "./breakpoints";
import * as commandSend from "./command-send";
import * as errors from "./errors";
import * as graphShape from "./graph-shape";
import * as history from "./history";
import * as interrupts from "./interrupts";
import * as messages from "./messages";
import * as pendingWrites from "./pending-writes";
import * as snapshot from "./snapshot";
import * as timeTravel from "./time-travel";
import * as streams from "./streams";
import * as subgraphs from "./subgraphs";
import * as supersteps from "./supersteps";
import * as updateState from "./update-state";

export const SCENARIO_FILES: Record<string, Record<string, Scenario>> = {
  supersteps,
  snapshot,
  streams,
  "update-state": updateState,
  breakpoints,
  history,
  "time-travel": timeTravel,
  errors,
  interrupts,
  "pending-writes": pendingWrites,
  "command-send": commandSend,
  "graph-shape": graphShape,
  messages,
  subgraphs,
};
