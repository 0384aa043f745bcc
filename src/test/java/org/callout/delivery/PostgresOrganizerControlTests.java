package org.callout.delivery;

import org.callout.support.PostgresDatabase;

@PostgresDatabase
class PostgresOrganizerControlTests extends OrganizerControlTests {

}
