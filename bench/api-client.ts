import { BENCH_REGION, signRequest } from './sign.js';

/** A small signed client for setting up and checking state; the load itself goes through load.ts. */
export class ApiClient {
  constructor(readonly url: string, readonly host: string, readonly region = BENCH_REGION) {}

  /** The same server, as seen from another region. */
  inRegion(region: string): ApiClient {
    return new ApiClient(this.url, this.host, region);
  }

  async call<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<{ status: number; json: T; text: string }> {
    const signed = await signRequest(this.host, method, path, body, this.region);
    const { host: _host, 'content-length': _length, ...headers } = signed.headers;
    const response = await fetch(`${this.url}${path}`, { method, headers, body: signed.body });
    const text = await response.text();
    let json = {} as T;
    try {
      json = JSON.parse(text) as T;
    } catch {
      // not JSON: leave the text for the caller
    }
    return { status: response.status, json, text };
  }

  async ok<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<T> {
    const { status, json, text } = await this.call<T>(method, path, body);
    if (status !== 200) throw new Error(`${method} ${path} answered ${status}: ${text}`);
    return json;
  }

  async createConfig(name: string, configData: unknown): Promise<string> {
    const { configArn } = await this.ok<{ configArn: string }>('POST', '/config', { name, configData });
    return configArn;
  }

  /** Counts every mission profile by paging through ListMissionProfiles. */
  async countMissionProfiles(): Promise<number> {
    let count = 0;
    let token: string | undefined;
    do {
      const query = `maxResults=100${token ? `&nextToken=${encodeURIComponent(token)}` : ''}`;
      const page = await this.ok<{ missionProfileList: unknown[]; nextToken?: string }>('GET', `/missionprofile?${query}`);
      count += page.missionProfileList.length;
      token = page.nextToken;
    } while (token);
    return count;
  }
}

// Valid config bodies, as in test/support/fixtures.ts (bench never imports test/ or src/).
const TRACKING = { trackingConfig: { autotrack: 'PREFERRED' } };
const DOWNLINK = {
  antennaDownlinkConfig: {
    spectrumConfig: { centerFrequency: { value: 7812, units: 'MHz' }, bandwidth: { value: 30, units: 'MHz' }, polarization: 'RIGHT_HAND' },
  },
};
const S3_RECORDING = {
  s3RecordingConfig: {
    bucketArn: 'arn:aws:s3:::aws-groundstation-demo-bucket',
    roleArn: 'arn:aws:iam::111122223333:role/GroundStationS3',
    prefix: '{satellite_id}/{year}/{month}/{day}',
  },
};

export interface ProfileConfigs {
  trackingConfigArn: string;
  downlinkConfigArn: string;
  recordingConfigArn: string;
}

export async function createProfileConfigs(client: ApiClient): Promise<ProfileConfigs> {
  return {
    trackingConfigArn: await client.createConfig('bench-tracking', TRACKING),
    downlinkConfigArn: await client.createConfig('bench-downlink', DOWNLINK),
    recordingConfigArn: await client.createConfig('bench-recording', S3_RECORDING),
  };
}

/** A CreateMissionProfile body that passes every reference check. */
export function missionProfileBody(configs: ProfileConfigs, name: string) {
  return {
    name,
    contactPrePassDurationSeconds: 120,
    contactPostPassDurationSeconds: 60,
    minimumViableContactDurationSeconds: 180,
    dataflowEdges: [[configs.downlinkConfigArn, configs.recordingConfigArn]],
    trackingConfigArn: configs.trackingConfigArn,
    tags: { team: 'bench', purpose: 'throughput' },
  };
}

export async function createMissionProfiles(client: ApiClient, configs: ProfileConfigs, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const { missionProfileId } = await client.ok<{ missionProfileId: string }>(
      'POST',
      '/missionprofile',
      missionProfileBody(configs, `bench-profile-${i}`),
    );
    ids.push(missionProfileId);
  }
  return ids;
}
