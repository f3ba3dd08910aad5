package dk.queue.core.http;

import java.time.Duration;
import java.util.List;

/**
 * What a node's HTTP edge allows strangers: how long a slow client may take, how many connections
 * and event streams one address may hold, how many tickets may be taken without a kiosk's key, and
 * the address citizens' phones reach the system at.
 *
 * @param publicUrl               the address phones reach the system at ({@code https://kø.example.dk}),
 *                                printed in receipts' QR codes; null: the address the node listens on
 * @param trustedProxies          load balancers whose {@code X-Forwarded-For} names the client
 * @param connectionsPerAddress   open HTTP connections one client address may hold
 * @param streamsPerAddress       open event streams one client address may hold (a branch's screens
 *                                may share one address)
 * @param ticketsPerAddressPerMinute tickets one address may take per minute without a kiosk's key
 * @param remoteTicketsPerBranchPerMinute mobile tickets a branch issues per minute, all addresses together
 * @param headerTimeout           how long a client may take to send a request's headers or its body
 * @param idleTimeout             how long a connection may stay silent before it is closed
 * @param bookingsPerAddressPerMinute bookings one address may make per minute, and (counted apart)
 *                                check-in codes it may try without a kiosk's key: so codes cannot be guessed
 */
public record EdgeOptions(String publicUrl, List<String> trustedProxies, int connectionsPerAddress,
                          int streamsPerAddress, int ticketsPerAddressPerMinute, int remoteTicketsPerBranchPerMinute,
                          Duration headerTimeout, Duration idleTimeout, int bookingsPerAddressPerMinute) {
  public EdgeOptions {
    trustedProxies = List.copyOf(trustedProxies);
    if (publicUrl != null && !publicUrl.matches("https?://[^/\\s?#]+")) {
      throw new IllegalArgumentException("the public URL is http(s)://host[:port] without a path, not '" + publicUrl + "'");
    }
    if (connectionsPerAddress < 1 || streamsPerAddress < 1 || ticketsPerAddressPerMinute < 1
        || remoteTicketsPerBranchPerMinute < 1 || bookingsPerAddressPerMinute < 1) {
      throw new IllegalArgumentException("limits must be positive");
    }
  }

  public static EdgeOptions defaults() {
    return new EdgeOptions(null, List.of(), 500, 300, 20, 120, Duration.ofSeconds(10), Duration.ofMinutes(2), 10);
  }

  public EdgeOptions withPublicUrl(String url) {
    return new EdgeOptions(url, trustedProxies, connectionsPerAddress, streamsPerAddress, ticketsPerAddressPerMinute,
        remoteTicketsPerBranchPerMinute, headerTimeout, idleTimeout, bookingsPerAddressPerMinute);
  }

  public EdgeOptions withTrustedProxies(List<String> proxies) {
    return new EdgeOptions(publicUrl, proxies, connectionsPerAddress, streamsPerAddress, ticketsPerAddressPerMinute,
        remoteTicketsPerBranchPerMinute, headerTimeout, idleTimeout, bookingsPerAddressPerMinute);
  }

  public EdgeOptions withConnections(int perAddress, int streamsPerAddress) {
    return new EdgeOptions(publicUrl, trustedProxies, perAddress, streamsPerAddress, ticketsPerAddressPerMinute,
        remoteTicketsPerBranchPerMinute, headerTimeout, idleTimeout, bookingsPerAddressPerMinute);
  }

  public EdgeOptions withTickets(int perAddressPerMinute, int remotePerBranchPerMinute) {
    return new EdgeOptions(publicUrl, trustedProxies, connectionsPerAddress, streamsPerAddress, perAddressPerMinute,
        remotePerBranchPerMinute, headerTimeout, idleTimeout, bookingsPerAddressPerMinute);
  }

  public EdgeOptions withTimeouts(Duration header, Duration idle) {
    return new EdgeOptions(publicUrl, trustedProxies, connectionsPerAddress, streamsPerAddress,
        ticketsPerAddressPerMinute, remoteTicketsPerBranchPerMinute, header, idle, bookingsPerAddressPerMinute);
  }

  public EdgeOptions withBookings(int perAddressPerMinute) {
    return new EdgeOptions(publicUrl, trustedProxies, connectionsPerAddress, streamsPerAddress,
        ticketsPerAddressPerMinute, remoteTicketsPerBranchPerMinute, headerTimeout, idleTimeout, perAddressPerMinute);
  }
}
