package io.pizza.platform.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.pizza.platform.system.PlatformException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.FeatureMetadata;
import org.apache.kafka.clients.admin.FeatureUpdate;
import org.apache.kafka.clients.admin.FinalizedVersionRange;
import org.apache.kafka.clients.admin.SupportedVersionRange;
import org.apache.kafka.clients.admin.UpdateFeaturesOptions;

/**
 * Brings a cluster whose state an older Kafka made up to what its nodes run: the metadata
 * version, then the share groups' feature (KIP-932, {@code share.version}, which needs
 * metadata 4.2), each to the highest level the node that answers supports (the nodes run
 * one version), as an operator finishes a rolling upgrade with
 * {@code kafka-features upgrade}. A state made by this version is at those levels
 * already, and nothing changes.
 */
public final class FeatureLevels {

	static final List<String> RAISED = List.of("metadata.version", "share.version");

	private FeatureLevels() {
	}

	/**
	 * Raises the features that are below what the nodes support.
	 * @param admin a client of the cluster
	 * @return what changed, such as {@code share.version 0 -> 1}; empty when nothing did
	 */
	public static List<String> raise(Admin admin) {
		List<String> raised = new ArrayList<>();
		try {
			for (String feature : RAISED) {
				FeatureMetadata metadata = admin.describeFeatures().featureMetadata().get(30, TimeUnit.SECONDS);
				SupportedVersionRange supported = metadata.supportedFeatures().get(feature);
				FinalizedVersionRange finalized = metadata.finalizedFeatures().get(feature);
				short level = (finalized != null) ? finalized.maxVersionLevel() : 0;
				if (supported != null && supported.maxVersion() > level) {
					admin
						.updateFeatures(
								Map.of(feature,
										new FeatureUpdate(supported.maxVersion(), FeatureUpdate.UpgradeType.UPGRADE)),
								new UpdateFeaturesOptions())
						.all()
						.get(30, TimeUnit.SECONDS);
					raised.add(feature + " " + level + " -> " + supported.maxVersion());
				}
			}
			return raised;
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new PlatformException("Could not raise the cluster's feature levels: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PlatformException("Interrupted", ex);
		}
	}

}
