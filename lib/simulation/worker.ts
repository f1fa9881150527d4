// Web Worker entry for the simulations, so a page stays responsive while 10⁵ people are simulated. A page starts it
// with `new Worker(new URL("…/worker.js", import.meta.url), {type: "module"})` and posts a SimulationRequest; the
// reply carries the same id. Errors in the user's parameters come back as a message, never as an uncaught throw.
import type {DoseFieldModel} from "../field/formulas.js";
import {simulateCheckpoint, type CheckpointParameters, type CheckpointResult} from "./checkpoint.js";
import {doseDistribution, percentileBand, type DoseDistribution, type DoseScenario, type PercentileBand} from "./montecarlo.js";

export type SimulationRequest =
  | {id: number; kind: "checkpoint"; field: DoseFieldModel; parameters: Partial<CheckpointParameters>; seed: number}
  | {id: number; kind: "dose"; field: DoseFieldModel; scenario: DoseScenario; n: number; seed: number}
  | {id: number; kind: "band"; field: DoseFieldModel; distances_m: number[]; n: number; seed: number; probabilities?: number[]; angle_deg?: number};

export type SimulationResponse =
  | {id: number; ok: true; kind: "checkpoint"; result: CheckpointResult}
  | {id: number; ok: true; kind: "dose"; result: DoseDistribution}
  | {id: number; ok: true; kind: "band"; result: PercentileBand}
  | {id: number; ok: false; error: string};

export function handleRequest(request: SimulationRequest): SimulationResponse {
  try {
    switch (request.kind) {
      case "checkpoint":
        return {id: request.id, ok: true, kind: "checkpoint", result: simulateCheckpoint(request.field, request.parameters, request.seed)};
      case "dose":
        return {id: request.id, ok: true, kind: "dose", result: doseDistribution(request.field, request.scenario, request.n, request.seed)};
      case "band":
        return {
          id: request.id,
          ok: true,
          kind: "band",
          result: percentileBand(request.field, request.distances_m, request.n, request.seed, request.probabilities, request.angle_deg)
        };
    }
  } catch (error) {
    return {id: request.id, ok: false, error: error instanceof Error ? error.message : String(error)};
  }
}

/** The large typed arrays of a response, handed over to the page rather than copied. */
export function transferables(response: SimulationResponse): ArrayBuffer[] {
  if (!response.ok) return [];
  if (response.kind === "checkpoint") return [response.result.doses_uSv.buffer as ArrayBuffer];
  if (response.kind === "dose") return [response.result.samples.buffer as ArrayBuffer];
  return response.result.bands.map((b) => b.buffer as ArrayBuffer);
}

export interface WorkerScope {
  onmessage: ((event: MessageEvent<SimulationRequest>) => void) | null;
  postMessage(message: SimulationResponse, transfer: Transferable[]): void;
}

export function attachWorker(scope: WorkerScope): void {
  scope.onmessage = (event) => {
    const response = handleRequest(event.data);
    scope.postMessage(response, transferables(response));
  };
}

// Loaded as a worker (not imported by a page or a test): answer messages.
declare const WorkerGlobalScope: (abstract new () => unknown) | undefined;
if (typeof WorkerGlobalScope !== "undefined" && typeof self !== "undefined" && self instanceof WorkerGlobalScope) {
  attachWorker(self as unknown as WorkerScope);
}
