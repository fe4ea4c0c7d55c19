package org.pathways.neo4j;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.neo4j.configuration.GraphDatabaseSettings;
import java.time.Duration;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.ByteUnit;

/**
 * Starts a Neo4j Community DBMS for Pathways with Bolt on 127.0.0.1 only.
 *
 * <p>Arguments: home directory, Bolt port, page cache in MiB.
 *
 * <p>The parent (Node) keeps our standard input open for as long as it wants the database.
 * When that pipe closes, because the parent asked us to stop or because it died in any way,
 * we shut the DBMS down cleanly and exit, so no JVM is ever orphaned.
 */
public final class Launcher {
    static final String READY = "PATHWAYS_NEO4J_READY";

    private Launcher() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: Launcher <home> <boltPort> <pageCacheMiB>");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        long pageCacheMiB = Long.parseLong(args[2]);

        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                // Loopback only, and the process lives and dies with its parent: no credentials to leak or forget.
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMiB))
                // Bolt waits 5 s for its thread pool and again for its connections when stopping; our
                // clients are gone by then, so a stop need not take ten seconds.
                .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofMillis(500))
                .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofMillis(500))
                .build();
        Runtime.getRuntime().addShutdownHook(new Thread(dbms::shutdown, "pathways-neo4j-shutdown"));

        GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        if (!db.isAvailable(TimeUnit.SECONDS.toMillis(120))) {
            System.err.println("Neo4j did not become available within 120 s; see " + home.resolve("logs"));
            System.exit(1);
        }
        System.out.println(READY + " " + port);
        System.out.flush();

        while (System.in.read() != -1) {
            // Anything the parent writes is ignored; only the end of the stream matters.
        }
        System.exit(0);
    }
}
