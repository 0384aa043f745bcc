package org.callout.delivery;

import org.callout.support.PostgresDatabase;

@PostgresDatabase
class PostgresBlastAtScaleTests extends BlastAtScaleTests {

}
