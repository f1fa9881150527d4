// The worker's message handler: the same numbers as a direct call for the same seed, and a user's mistake returned
// as a message the page can show.
import {describe, expect, it} from "vitest";
import type {DoseFieldModel} from "../../lib/field/index.js";
import {attachWorker, handleRequest, type SimulationResponse} from "../../lib/simulation/worker.js";

const field: DoseFieldModel = {model: "inverse-square", parameters: {S: 100}, parameterNames: ["S"], covariance: [[25]]};

describe("simulation worker", () => {
  it("answers a dose request with the lognormal median of the scenario", () => {
    const r = handleRequest({id: 4, kind: "dose", field, scenario: {distance_m: 2, duration_s: 3600}, n: 20_000, seed: 1});
    expect(r.ok && r.kind === "dose" && r.id === 4).toBe(true);
    if (r.ok && r.kind === "dose") expect(r.result.percentiles.p50).toBeCloseTo(25, 0);
  });

  it("returns a bad parameter as an error message", () => {
    const r = handleRequest({id: 5, kind: "checkpoint", field, parameters: {cordon_m: -1}, seed: 1});
    expect(r).toEqual({id: 5, ok: false, error: expect.stringMatching(/cordon_m must be a finite number > 0/)});
  });

  it("posts the reply with the doses' buffer transferred", () => {
    const posted: {message: SimulationResponse; transfer: Transferable[]}[] = [];
    const scope = {onmessage: null as ((e: MessageEvent) => void) | null, postMessage: (message: SimulationResponse, transfer: Transferable[]) => posted.push({message, transfer})};
    attachWorker(scope);
    scope.onmessage!({data: {id: 9, kind: "checkpoint", field, parameters: {people: 10}, seed: 2}} as MessageEvent);
    expect(posted).toHaveLength(1);
    const message = posted[0]!.message;
    expect(message.ok && message.kind === "checkpoint" && message.result.people).toBe(10);
    expect(posted[0]!.transfer).toHaveLength(1);
  });
});
