/// <reference types="@tarojs/taro" />

declare module '*.css';

/** Base URL of the API for the weapp build (`BK_API_BASE` at build time); empty in h5 = same origin. */
declare const BK_API_BASE: string;
/** MQTT over WebSocket for realtime alerts (`BK_REALTIME_URL` at build time); default: the API host + `/mqtt`. */
declare const BK_REALTIME_URL: string;

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production';
    TARO_ENV: 'weapp' | 'h5';
    TARO_APP_ID: string;
  }
}
