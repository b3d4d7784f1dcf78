/** An OAuth access token with its refresh token and expiry: what COR hands out (cor/) and the store keeps (store/). */
export interface TokenSet {
  accessToken: string;
  refreshToken: string | undefined;
  expiresAt: Date;
}
