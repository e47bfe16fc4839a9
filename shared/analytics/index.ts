/** Pure analytics over the data layer's model: no I/O, no clock (every function takes `now`). */
export * from "./time";
export * from "./ids";
export * from "./settings";
export * from "./consent";
export * from "./kpis";
export * from "./healthScore";
export * from "./introducers";
export * from "./paths";
