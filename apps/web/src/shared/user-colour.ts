/** The server stamps the same colour into presence, so it lives in the model. */
export { colourFor } from '@crossboard/model';
