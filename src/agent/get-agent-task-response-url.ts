import type { Handler } from '../api/context.js';
import { getAgentRecord } from './agent-record.js';

const URL_LIFETIME_SECONDS = 3600;

/** `20250101T120000Z`, as presigned URLs carry their signing time. */
const amzDate = (time: Date) => time.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');

// The service answers with a presigned S3 URL the agent uploads a task's log to. Nothing here
// receives uploads: the URL has the real one's shape and names the agent and task (our choice).
export const getAgentTaskResponseUrl: Handler<'GetAgentTaskResponseUrl'> = (input, context) => {
  const agent = getAgentRecord(context, input.agentId);
  const { account, region } = context.scope;
  const query = new URLSearchParams({
    'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
    'X-Amz-Date': amzDate(context.clock.now()),
    'X-Amz-Expires': String(URL_LIFETIME_SECONDS),
    'X-Amz-SignedHeaders': 'host',
  });
  return {
    agentId: agent.id,
    taskId: input.taskId,
    presignedLogUrl: `https://groundstation-agent-task-logs-${region}.s3.${region}.amazonaws.com/${account}/${agent.id}/${input.taskId}.log?${query}`,
  };
};
