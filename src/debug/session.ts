/**
 * The `langgraph` debug adapter: DAP requests in, DAP events out, for one debug session. It only
 * translates: the controller owns the run, the breakpoint book owns breakpoints, the variable
 * store owns the Variables view, and the runner process owns the graph. The graph is loaded during
 * `launch`/`attach`, before `initialized` is sent, so every breakpoint the client then sets is
 * checked against the real `addNode` lines at once.
 */
import { DebugSession, Event, InitializedEvent, OutputEvent, TerminatedEvent, Thread } from "@vscode/debugadapter";
import type { DebugProtocol } from "@vscode/debugprotocol";
import * as path from "node:path";
import { engineText } from "./engine-text";
import { BreakpointBook, EXCEPTION_FILTERS } from "./breakpoints";
import { GraphController } from "./controller";
import { handleCustomRequest } from "./custom-requests";
import { frameAt, frameContextOf, stackFrames } from "./frames";
import { AttachArguments, LaunchArguments, SessionConfig, resolveConfig } from "./launch-config";
import { preview as oneLine } from "./stop-reason";
import { THREAD_ID, dapEvents } from "./dap-events";
import { ThreadActions } from "./thread-actions";
import { VariableStore, pathOf } from "./variables";
import { InspectionHandlers } from "./inspection";

export class LangGraphDebugSession extends DebugSession {
  private readonly book = new BreakpointBook();
  private readonly variables = new VariableStore();
  private controller: GraphController | undefined;
  private actions: ThreadActions | undefined;
  private graphReady!: Promise<void>;
  private markGraphReady!: () => void;
  private configured!: Promise<void>;
  private markConfigured!: () => void;
  private terminatedSent = false;
  private supportsInvalidated = false;
  private readonly inspection: InspectionHandlers;

  constructor() {
    super();
    this.setDebuggerLinesStartAt1(true);
    this.setDebuggerColumnsStartAt1(true);
    this.graphReady = new Promise((resolve) => (this.markGraphReady = resolve));
    this.configured = new Promise((resolve) => (this.markConfigured = resolve));
    this.inspection = new InspectionHandlers(this.variables, () => this.controller, () => this.actions);
  }

  protected override initializeRequest(response: DebugProtocol.InitializeResponse, args: DebugProtocol.InitializeRequestArguments): void {
    this.supportsInvalidated = args.supportsInvalidatedEvent === true;
    response.body = {
      supportsConfigurationDoneRequest: true,
      supportsFunctionBreakpoints: true,
      supportsStepBack: true,
      supportsRestartFrame: true,
      supportsSetVariable: true,
      supportsSetExpression: true,
      supportsEvaluateForHovers: true,
      supportsExceptionInfoRequest: true,
      supportsTerminateRequest: true,
      supportsDelayedStackTraceLoading: false,
      exceptionBreakpointFilters: EXCEPTION_FILTERS,
    };
    this.sendResponse(response);
  }

  protected override async launchRequest(response: DebugProtocol.LaunchResponse, args: LaunchArguments): Promise<void> {
    await this.open(response, "launch", args);
  }

  protected override async attachRequest(response: DebugProtocol.AttachResponse, args: AttachArguments): Promise<void> {
    await this.open(response, "attach", args);
  }

  private async open(response: DebugProtocol.Response, request: "launch" | "attach", args: Partial<LaunchArguments>): Promise<void> {
    let config: SessionConfig;
    try {
      config = resolveConfig(request, args);
      this.controller = new GraphController(config, this.book, this.controllerEvents());
      this.actions = new ThreadActions(this.controller);
      const loaded = await this.controller.open();
      if (request === "attach" && !(await this.controller.readHead())) {
        throw new Error(`There is no thread "${config.threadId}" in ${config.checkpointDir}: check "threadId" and "checkpointDir".`);
      }
      this.book.setGraph(loaded.graph);
      this.output(`Debugging graph "${loaded.exportName}" of ${path.basename(config.program)} on ${engineText(loaded.engine)}, in thread ${config.threadId} (checkpoints in ${config.checkpointDir}).\n`);
    } catch (error) {
      const message = (error as Error).message;
      this.output(`${message}\n`, "stderr");
      await this.controller?.dispose();
      this.controller = undefined;
      this.markGraphReady();
      return this.fail(response, 1001, message, true);
    }
    this.markGraphReady();
    this.sendResponse(response);
    this.sendEvent(new InitializedEvent());
    await this.configured;
    await this.actions!.begin().catch((error: Error) => {
      this.output(`${error.message}\n`, "stderr");
      this.controller?.end();
    });
  }

  protected override configurationDoneRequest(response: DebugProtocol.ConfigurationDoneResponse): void {
    this.sendResponse(response);
    this.markConfigured();
  }

  protected override async setBreakPointsRequest(response: DebugProtocol.SetBreakpointsResponse, args: DebugProtocol.SetBreakpointsArguments): Promise<void> {
    await this.graphReady;
    const file = args.source.path ?? "";
    const lines = args.breakpoints?.map((bp) => bp.line) ?? args.lines ?? [];
    const results = this.book.setSourceBreakpoints(file, lines);
    response.body = { breakpoints: results.map((result) => ({ ...result, source: args.source })) };
    this.sendResponse(response);
    this.breakpointsChanged();
  }

  protected override async setFunctionBreakPointsRequest(response: DebugProtocol.SetFunctionBreakpointsResponse, args: DebugProtocol.SetFunctionBreakpointsArguments): Promise<void> {
    await this.graphReady;
    response.body = { breakpoints: this.book.setFunctionBreakpoints(args.breakpoints.map((bp) => bp.name)) };
    this.sendResponse(response);
    this.breakpointsChanged();
  }

  protected override setExceptionBreakPointsRequest(response: DebugProtocol.SetExceptionBreakpointsResponse, args: DebugProtocol.SetExceptionBreakpointsArguments): void {
    this.book.setExceptionFilters([...args.filters, ...(args.filterOptions ?? []).map((option) => option.filterId)]);
    this.sendResponse(response);
  }

  breakpointsChanged(): void {
    this.controller?.breakpointsChanged();
    const { before, after } = this.book.effective();
    this.sendEvent(new Event("nodeBreakpoints", { before, after }));
  }

  protected override threadsRequest(response: DebugProtocol.ThreadsResponse): void {
    const c = this.controller;
    response.body = { threads: c ? [new Thread(THREAD_ID, `${c.loaded?.exportName ?? "graph"} · thread ${c.threadId}`)] : [] };
    this.sendResponse(response);
  }

  protected override stackTraceRequest(response: DebugProtocol.StackTraceResponse, args: DebugProtocol.StackTraceArguments): void {
    const frames = this.controller ? stackFrames(frameContextOf(this.controller)) : [];
    const start = args.startFrame ?? 0;
    response.body = { stackFrames: frames.slice(start, args.levels ? start + args.levels : undefined), totalFrames: frames.length };
    this.sendResponse(response);
  }

  /** The scopes of a frame show the state of its level: a frame inside a subgraph shows the subgraph's own state. */
  protected override scopesRequest(response: DebugProtocol.ScopesResponse, args: DebugProtocol.ScopesArguments): void {
    const c = this.controller;
    const level = this.frameLevel(args.frameId);
    response.body = { scopes: level && c?.view ? this.variables.scopes(level.snapshot, { checkpointNs: level.checkpointNs, checkpointId: level.snapshot.checkpointId }) : [] };
    this.sendResponse(response);
    if (!c || !level || c.status === "running") return;
    const shown = c.selectedNs ?? c.view?.focusNs ?? "";
    c.selectedNs = level.checkpointNs; // the panel follows the frame the person looks at
    if (shown !== level.checkpointNs) c.sendGraphState();
  }

  private frameLevel(frameId: number | undefined) {
    const context = this.controller && frameContextOf(this.controller);
    return context?.snapshot ? frameAt(context, frameId).level : undefined;
  }

  protected override variablesRequest(response: DebugProtocol.VariablesResponse, args: DebugProtocol.VariablesArguments): void {
    const handle = this.variables.get(args.variablesReference);
    const namedOnly = args.filter === "named" && Array.isArray(handle?.value);
    response.body = { variables: namedOnly ? [] : this.variables.variables(args.variablesReference, args.start, args.count) };
    this.sendResponse(response);
  }

  protected override async setVariableRequest(response: DebugProtocol.SetVariableResponse, args: DebugProtocol.SetVariableArguments): Promise<void> {
    await this.answer(response, () => this.inspection.setVariable(args));
  }

  protected override async setExpressionRequest(response: DebugProtocol.SetExpressionResponse, args: DebugProtocol.SetExpressionArguments): Promise<void> {
    const where = pathOf(args.expression);
    if (!where) return this.fail(response, 2001, `Only values inside the state can be set, written as state.key or state.key[0].field.`);
    await this.answer(response, () => this.inspection.setPath(where, args.value));
  }

  protected override async evaluateRequest(response: DebugProtocol.EvaluateResponse, args: DebugProtocol.EvaluateArguments): Promise<void> {
    const level = args.frameId ? this.frameLevel(args.frameId) : undefined;
    await this.answer(response, () => this.inspection.evaluate(args, level && { checkpointNs: level.checkpointNs, checkpointId: level.snapshot.checkpointId }));
  }

  protected override exceptionInfoRequest(response: DebugProtocol.ExceptionInfoResponse): void {
    const exception = this.controller?.lastStop?.exception;
    if (!exception) return this.fail(response, 2002, "The graph is not stopped on an interrupt() or an error.");
    const details = exception.details;
    response.body = {
      exceptionId: exception.id,
      description: exception.interrupts ? `${exception.description}\nAnswer with the resume request (the graph panel's Resume).` : exception.description,
      breakMode: "always",
      details: details
        ? { message: details.message, typeName: details.name, stackTrace: details.stack }
        : { message: exception.interrupts?.map((item) => `${item.id}: ${oneLine(item.value, 400)}`).join("\n") },
    };
    this.sendResponse(response);
  }

  protected override continueRequest(response: DebugProtocol.ContinueResponse): void {
    this.act(response, () => this.actions!.go("continue"), { allThreadsContinued: true });
  }

  protected override nextRequest(response: DebugProtocol.NextResponse): void {
    this.act(response, () => this.actions!.go("step"));
  }

  protected override stepInRequest(response: DebugProtocol.StepInResponse): void {
    this.act(response, () => this.actions!.go("stepIn"));
  }

  protected override stepOutRequest(response: DebugProtocol.StepOutResponse): void {
    this.act(response, () => this.actions!.go("stepOut"));
  }

  protected override async pauseRequest(response: DebugProtocol.PauseResponse): Promise<void> {
    this.sendResponse(response);
    await this.controller?.pause();
  }

  protected override async stepBackRequest(response: DebugProtocol.StepBackResponse): Promise<void> {
    await this.answer(response, () => this.actions!.stepBack());
  }

  protected override async reverseContinueRequest(response: DebugProtocol.ReverseContinueResponse): Promise<void> {
    await this.answer(response, () => this.actions!.reverseContinue());
  }

  /** Replays from the checkpoint of the frame's level: a frame inside a subgraph replays from inside it. */
  protected override async restartFrameRequest(response: DebugProtocol.RestartFrameResponse, args: DebugProtocol.RestartFrameArguments): Promise<void> {
    const level = this.frameLevel(args.frameId);
    if (!level?.snapshot.checkpointId) return this.fail(response, 2003, "There is no checkpoint to replay from yet.");
    await this.answer(response, () => this.actions!.replay(level.snapshot.checkpointId, level.checkpointNs));
  }

  protected override async terminateRequest(response: DebugProtocol.TerminateResponse): Promise<void> {
    await this.controller?.dispose();
    this.sendResponse(response);
    this.sendTerminated();
  }

  protected override async disconnectRequest(response: DebugProtocol.DisconnectResponse, args: DebugProtocol.DisconnectArguments): Promise<void> {
    await this.controller?.dispose();
    super.disconnectRequest(response, args);
  }

  protected override async customRequest(command: string, response: DebugProtocol.Response, args: unknown): Promise<void> {
    if (!this.actions) return this.fail(response, 2004, "No graph is loaded: launch or attach first.");
    await this.answer(response, () => handleCustomRequest(command, args, { actions: this.actions!, book: this.book, session: this }));
  }

  /** Runs `work`, puts its result in the response body, or answers with its error. */
  private async answer(response: DebugProtocol.Response, work: () => unknown): Promise<void> {
    try {
      const body = await work();
      if (body !== undefined) response.body = body;
      this.sendResponse(response);
    } catch (error) {
      this.fail(response, 2000, (error as Error).message);
    }
  }

  private act(response: DebugProtocol.Response, action: () => void, body?: object): void {
    try {
      action();
      if (body) response.body = body;
      this.sendResponse(response);
    } catch (error) {
      this.fail(response, 2000, (error as Error).message);
    }
  }

  /** An error answer whose text is shown as written (braces in JSON are not placeholders). */
  private fail(response: DebugProtocol.Response, id: number, message: string, showUser = false): void {
    this.sendErrorResponse(response, { id, format: message, variables: {}, showUser });
  }

  private output(text: string, category = "console"): void {
    this.sendEvent(new OutputEvent(text, category));
  }

  private sendTerminated(): void {
    if (this.terminatedSent) return;
    this.terminatedSent = true;
    this.sendEvent(new TerminatedEvent());
  }

  private controllerEvents() {
    return dapEvents(
      {
        send: (event) => this.sendEvent(event),
        terminated: () => this.sendTerminated(),
        supportsInvalidated: () => this.supportsInvalidated,
        program: () => this.controller?.config.program ?? "graph",
      },
      this.variables,
    );
  }
}
