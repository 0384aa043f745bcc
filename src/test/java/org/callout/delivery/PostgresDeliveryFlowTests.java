package org.callout.delivery;

import org.callout.support.PostgresDatabase;

@PostgresDatabase
class PostgresDeliveryFlowTests extends DeliveryFlowTests {

}
