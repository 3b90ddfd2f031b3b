/** The cashier's words for this part of the screen; every language's copy has this type, so a missing one fails the build. */
export interface CommonWords {
  readonly waitingForTerminal: string;
  readonly demoBanner: string;
  readonly appName: string;
  /** The browser tab's (and the window's) title. */
  readonly pageTitle: string;
  /** The link to the terminal, while it is not up (the customer display has its own words). */
  readonly connection: {
    readonly connecting: string;
    readonly reconnecting: string;
    readonly unauthorized: string;
  };
  /** Sentences the screen's own link to the terminal writes when a command cannot reach it. */
  readonly lostConnection: string;
  readonly notConnected: string;
  /** A command the terminal did not answer before the screen gave up on it. */
  readonly noAnswer: string;
  /** The snapshot could not be read; `reason` is the terminal's own sentence. */
  readonly couldNotReadState: (reason: string) => string;
  /** A folded technical part under an answer. */
  readonly details: string;
  /** A confirmation's way back, and the line that says how to go ahead instead. */
  readonly back: string;
  readonly confirmHint: (acceptLabel: string) => string;
  /**
   * A method that runs on the demo's simulator, by its brand name: "PayNow (simulated)" (issue 18);
   * `simulated` is the marker's word, which no other language's screen may show in English.
   */
  readonly simulated: string;
  readonly simulatedMethod: (name: string) => string;
}
