// The antenna-downlink of AWS's wideband DigIF sample (aws-samples/aws-groundstation-wbdigif-snpp):
// Suomi NPP's X band, 350 MHz wide, delivered through the Ground Station Agent.
export const snppWidebandDownlink = (bandwidth = { value: 350, units: 'MHz' }) => ({
  antennaDownlinkConfig: {
    spectrumConfig: { bandwidth, centerFrequency: { value: 7925, units: 'MHz' }, polarization: 'RIGHT_HAND' },
  },
});
