/** The simulated kitchen: a pure model of its devices' traffic and the simulator that sends it. */
export { DEFAULT_KITCHEN, KITCHEN_DEVICES, type KitchenDeviceName, type KitchenDeviceSpec } from './devices.js';
export { KitchenModel, type KitchenModelOptions, type SimMessage } from './kitchen-model.js';
export { localTimeText, offsetTimeText } from './local-time.js';
export { SNAPSHOT_JPEG, tasmotaDs18b20, z2mState } from './payloads.js';
export { mulberry32, type SeededRandom, seededRandom } from './random.js';
export { isScenarioName, SCENARIO_LABELS, SCENARIO_NAMES, type ScenarioName } from './scenarios.js';
export {
  createKitchenSimulator,
  type KitchenSimulator,
  type KitchenSimulatorOptions,
  type SimulatorCredentials,
  type SimulatorDevice,
  type SimulatorStats,
} from './simulator.js';
export { TasmotaPlug, type TasmotaTimer } from './tasmota-plug.js';
