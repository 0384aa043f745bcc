package org.callout.legislators.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

/** Instances that start together on an empty database load the bundled data once, and none of them fails. */
abstract class FirstStartImportTests extends DirectorySupport {

	@Autowired
	BundledData bundled;

	@Test
	void threeInstancesStartingTogetherOnAnEmptyDatabaseAllStartAndTheDataIsLoadedOnce() throws Exception {
		jdbc.sql("DELETE FROM zip_districts").update();
		CyclicBarrier together = new CyclicBarrier(3);
		List<CompletableFuture<Void>> starts = new ArrayList<>();
		// Threads of their own: the common pool may have one thread on a two-core machine, and the barrier would wait.
		ExecutorService instances = Executors.newFixedThreadPool(3);
		for (int i = 0; i < 3; i++) {
			starts.add(CompletableFuture.runAsync(() -> {
				try {
					together.await(10, TimeUnit.SECONDS);
					bundled.importUnlessAnotherInstanceIs();
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			}, instances));
		}

		CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
		instances.shutdown();

		assertThat(count("SELECT COUNT(*) FROM legislators")).isEqualTo(213);
		assertThat(count("SELECT COUNT(*) FROM zip_districts WHERE chamber = 'upper'")).isEqualTo(2374);
		assertThat(count("SELECT COUNT(*) FROM zip_districts WHERE chamber = 'lower'")).isEqualTo(2796);
	}

}
