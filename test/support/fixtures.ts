// Valid request bodies for each config type, within the service's documented physical ranges.
export const configData = {
  tracking: { trackingConfig: { autotrack: 'PREFERRED' } },
  'antenna-downlink': {
    antennaDownlinkConfig: {
      spectrumConfig: {
        centerFrequency: { value: 7812, units: 'MHz' },
        bandwidth: { value: 30, units: 'MHz' },
        polarization: 'RIGHT_HAND',
      },
    },
  },
  'antenna-downlink-demod-decode': {
    antennaDownlinkDemodDecodeConfig: {
      spectrumConfig: { centerFrequency: { value: 7812, units: 'MHz' }, bandwidth: { value: 30, units: 'MHz' }, polarization: 'RIGHT_HAND' },
      demodulationConfig: { unvalidatedJSON: '{"type":"QPSK","qpsk":{"carrierFrequencyRecovery":{"centerFrequency":{"value":7812,"units":"MHz"}}}}' },
      decodeConfig: { unvalidatedJSON: '{"edges":[],"nodeConfigs":{}}' },
    },
  },
  'antenna-uplink': {
    antennaUplinkConfig: {
      transmitDisabled: false,
      spectrumConfig: { centerFrequency: { value: 2050, units: 'MHz' }, polarization: 'RIGHT_HAND' },
      targetEirp: { value: 30, units: 'dBW' },
    },
  },
  'dataflow-endpoint': { dataflowEndpointConfig: { dataflowEndpointName: 'downlink-endpoint', dataflowEndpointRegion: 'us-east-2' } },
  's3-recording': {
    s3RecordingConfig: {
      bucketArn: 'arn:aws:s3:::aws-groundstation-demo-bucket',
      roleArn: 'arn:aws:iam::111122223333:role/GroundStationS3',
      prefix: '{satellite_id}/{year}/{month}/{day}',
    },
  },
  'telemetry-sink': {
    telemetrySinkConfig: {
      telemetrySinkType: 'KINESIS_DATA_STREAM',
      telemetrySinkData: {
        kinesisDataStreamData: {
          kinesisRoleArn: 'arn:aws:iam::111122223333:role/GroundStationKinesis',
          kinesisDataStreamArn: 'arn:aws:kinesis:us-east-2:111122223333:stream/telemetry',
        },
      },
    },
  },
} as const;

export type PlainConfigType = keyof typeof configData;
export type ConfigTypeName = PlainConfigType | 'uplink-echo';

/** The seven config types whose data needs no other config (all but uplink-echo). */
export const PLAIN_CONFIG_TYPES = Object.keys(configData) as PlainConfigType[];

export const uplinkEchoData = (antennaUplinkConfigArn: string) => ({
  uplinkEchoConfig: { enabled: true, antennaUplinkConfigArn },
});

export const ZERO_UUID = '00000000-0000-4000-8000-000000000000';

export const endpointDetails = (name = 'downlink-endpoint') => ({
  securityDetails: {
    subnetIds: ['subnet-12345678'],
    securityGroupIds: ['sg-12345678'],
    roleArn: 'arn:aws:iam::111122223333:role/DataflowEndpointGroup',
  },
  endpoint: { name, address: { name: '10.0.0.1', port: 55888 }, mtu: 1500 },
});
