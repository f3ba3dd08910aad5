package dk.queue.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import dk.queue.core.node.Http;
import dk.queue.core.node.TestNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Several desks pressing "call next" at the same moment over HTTP never get the same ticket. */
class ConcurrentCallsIT {
  static TestNode node;

  @BeforeAll
  static void start() throws Exception {
    node = TestNode.start();
  }

  @AfterAll
  static void stop() throws Exception {
    node.close();
  }

  @Test
  void everyTicketIsCalledExactlyOnceWhenFourDesksCallAtOnce() throws Exception {
    String[] staff = {"anna", "bo", "carl", "dora"};
    String[] desks = {"d1", "d2", "d3", "d4"};
    String[] tokens = new String[4];
    for (int i = 0; i < 4; i++) {
      tokens[i] = node.login(staff[i]);
      assertThat(node.post("/api/branches/main/desks/" + desks[i] + "/open", "{\"services\":[\"lib\"]}", tokens[i]).status())
          .isEqualTo(200);
    }
    int tickets = 200;
    Set<String> issued = new HashSet<>();
    for (int i = 0; i < tickets; i++) {
      issued.add(node.post("/api/branches/main/tickets", "{\"service\":\"lib\"}").body().get("id").asText());
    }
    assertThat(issued).hasSize(tickets);

    ConcurrentLinkedQueue<String> called = new ConcurrentLinkedQueue<>();
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<Integer>> desksDone = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      int d = i;
      desksDone.add(pool.submit(() -> {
        go.await();
        int count = 0;
        while (true) {
          Http.Reply r = node.post("/api/branches/main/desks/" + desks[d] + "/call-next", null, tokens[d]);
          if (r.status() == 204) {
            return count;
          }
          assertThat(r.status()).as(r.text()).isEqualTo(200);
          called.add(r.body().get("id").asText());
          count++;
          assertThat(node.post("/api/branches/main/desks/" + desks[d] + "/no-show", null, tokens[d]).status()).isEqualTo(200);
        }
      }));
    }
    go.countDown();
    int total = 0;
    for (Future<Integer> f : desksDone) {
      int n = f.get(120, TimeUnit.SECONDS);
      assertThat(n).as("every desk got some tickets").isGreaterThan(0);
      total += n;
    }
    pool.shutdown();
    assertThat(total).isEqualTo(tickets);
    assertThat(new HashSet<>(called)).hasSize(tickets).isEqualTo(issued);
  }
}
