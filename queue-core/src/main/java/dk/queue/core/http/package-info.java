/**
 * The public HTTP API: thin routes that read requests, run commands on the engine and translate
 * outcomes into the API's JSON and status codes ({@link dk.queue.core.http.Errors} holds the one
 * table of rejections to statuses).
 */
package dk.queue.core.http;
