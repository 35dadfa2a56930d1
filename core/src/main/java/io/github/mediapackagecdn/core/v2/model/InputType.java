package io.github.mediapackagecdn.core.v2.model;

/**
 * {@code InputType}: what a v2 channel ingests, set when it is created and never changed. Media quality-aware
 * resiliency needs {@link #CMAF}: only a CMAF channel can publish the media quality confidence score (MQCS).
 */
public enum InputType {
  /** HLS ingest (M3U8 manifests, TS segments); MediaPackage's default. */
  HLS,
  /** DASH-IF CMAF ingest, which MediaLive's CMAF Ingest output group sends. */
  CMAF
}
