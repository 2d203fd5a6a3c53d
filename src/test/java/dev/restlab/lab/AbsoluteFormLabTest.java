package dev.restlab.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restlab.testing.Await;
import dev.restlab.testing.ServerExtension;
import dev.restlab.testing.Requires;
import dev.restlab.wire.Exchange;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A request sent in absolute form ({@code curl --request-target http://127.0.0.1:PORT/people/v1/users},
 * as a client sends it to a proxy) names the same resource as the origin form, so it must tick the
 * lab exactly as the origin-form request does. Two servers, two labs: each step's own command in
 * origin form against the one, and the same command with an absolute target against the other.
 */
class AbsoluteFormLabTest {

    @RegisterExtension
    final ServerExtension originServer = new ServerExtension();

    @RegisterExtension
    final ServerExtension absoluteServer = new ServerExtension();

    private final List<AutoCloseable> following = new ArrayList<>();
    private Run origin;
    private Run absolute;

    @BeforeEach
    void followBothServers() {
        Requires.bashAndCurl();
        origin = new Run(originServer);
        absolute = new Run(absoluteServer);
    }

    @AfterEach
    void stopFollowing() throws Exception {
        for (AutoCloseable f : following) {
            f.close();
        }
    }

    @Test
    void every_step_ticks_from_an_absolute_form_target_as_from_the_origin_form() throws Exception {
        List<String> ticked = new ArrayList<>();
        while (origin.lab.current().isPresent()) {
            Step step = origin.lab.current().get();
            assertEquals(step.id(), absolute.lab.current().orElseThrow().id(), "both labs are at the same step");
            String command = step.commandFor(originServer.port(), origin.lab.values());
            if (!command.startsWith("curl ")) {
                break; // not a request a terminal sends
            }
            Exchange sentInOriginForm = origin.run(command);
            Exchange sentInAbsoluteForm = absolute.run(absoluteForm(step.commandFor(absoluteServer.port(),
                    absolute.lab.values()), absoluteServer.port()));

            assertTrue(sentInAbsoluteForm.target().startsWith("http://127.0.0.1:" + absoluteServer.port() + "/"),
                    "sent in absolute form: " + sentInAbsoluteForm.target());
            assertEquals(sentInOriginForm.target().replace(origin.lab.values().getOrDefault("id", "{id}"), "{id}"),
                    sentInAbsoluteForm.request().requestTarget().originForm()
                            .replace(absolute.lab.values().getOrDefault("id", "{id}"), "{id}"),
                    "the same resource");
            assertEquals(sentInOriginForm.status(), sentInAbsoluteForm.status(), step.id() + ": the same answer");
            boolean tickedByOrigin = origin.lab.tickOf(step).filter(t -> t.exchangeId() == sentInOriginForm.id()).isPresent();
            boolean tickedByAbsolute = absolute.lab.tickOf(step).filter(t -> t.exchangeId() == sentInAbsoluteForm.id())
                    .isPresent();
            assertEquals(tickedByOrigin, tickedByAbsolute, step.id() + ": ticked by the origin form, so by the absolute form");
            if (!tickedByOrigin) {
                break; // this step's own command does not do it alone (the browser step wants a Referer)
            }
            ticked.add(step.id());
        }
        assertTrue(ticked.size() >= 10, "the handout's curl steps ticked: " + ticked);
        assertEquals(origin.lab.doneCount(), absolute.lab.doneCount());
        assertEquals(origin.lab.values().keySet(), absolute.lab.values().keySet(), "the same values remembered");
    }

    /** The command with {@code --request-target http://127.0.0.1:PORT/path} for the URL it names. */
    static String absoluteForm(String command, int port) {
        Matcher url = Pattern.compile("'?(http://127\\.0\\.0\\.1:" + port + ")([^\\s']*)'?").matcher(command);
        assertTrue(url.find(), "a URL on this server in: " + command);
        String path = url.group(2).isEmpty() ? "/" : url.group(2);
        return "curl --request-target '" + url.group(1) + path + "' " + command.substring("curl ".length());
    }

    /** One server and the lab that follows its traffic. */
    private final class Run {
        final ServerExtension server;
        final LabTracker lab = new LabTracker(LabFile.handout(), ProgressStore.inMemory());
        final AtomicLong seenByLab = new AtomicLong();

        Run(ServerExtension server) {
            this.server = server;
            following.add(server.traffic().subscribe(batch -> {
                lab.accept(batch);
                batch.forEach(e -> seenByLab.accumulateAndGet(e.id(), Math::max));
            }));
            lab.serverRunning(server.port());
        }

        /** Runs a command with bash and returns the one exchange it made, once the lab has seen it. */
        Exchange run(String command) throws Exception {
            long before = server.traffic().lastId();
            Process bash = new ProcessBuilder("bash", "-c", command + " > /dev/null").redirectErrorStream(true).start();
            assertTrue(bash.waitFor(30, TimeUnit.SECONDS), "hangs: " + command);
            assertEquals(0, bash.exitValue(), "failed: " + command);
            Await.until("the lab sees the exchange of: " + command, () -> seenByLab.get() > before);
            List<Exchange> made = server.traffic().snapshot().stream().filter(e -> e.id() > before).toList();
            assertEquals(1, made.size(), "one exchange for: " + command);
            return made.get(0);
        }
    }
}
