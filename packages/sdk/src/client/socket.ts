/**
 * The realtime seam (MQTT over WebSocket: mqtt.js in Node, `wx.connectSocket` in the mini-program).
 * Only the shape for now: the devices issue wires it to venue alert topics.
 */
export interface RealtimeSocket {
  subscribe(topic: string, onMessage: (payload: string, topic: string) => void): Promise<() => Promise<void>>;
  publish?(topic: string, payload: string): Promise<void>;
  close(): Promise<void>;
}
