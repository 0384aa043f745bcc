package org.callout.legislators;

/**
 * A district a ZIP area touches.
 *
 * @param district the district number, as written ({@code "26"})
 * @param landShare the share of the ZIP area's land inside the district (0..1), or null when not known
 */
public record DistrictCandidate(String district, Double landShare) {
}
