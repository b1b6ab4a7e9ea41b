// The messages between the extension host and the panel's webview, one schema each: the type is
// inferred from the schema, and the schema is the guard (the webview renders user text, so whatever
// it sends is untrusted input; the webview checks the host's messages too). The host owns the panel's
// state (runs, selection, view); the webview sends intents and requests, and draws what it is sent.
// The messages are split by direction (webviewMessage.ts, hostMessage.ts) over the values both carry
// (protocolLimits.ts, controlsWire.ts, panelWire.ts); this module is their one entry point.
export * from './protocolLimits';
export * from './controlsWire';
export * from './panelWire';
export * from './webviewMessage';
export * from './hostMessage';
