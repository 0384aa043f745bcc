# Callout: build with the Maven wrapper on a JDK 21, run on a JRE 21 as a non-root user.
#   docker build -t callout .
#   docker run -p 8080:8080 -e CALLOUT_DB_URL=... (see the README) callout
FROM eclipse-temurin:21-jdk AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src/ src/
RUN ./mvnw -B -q -Dmaven.test.skip=true package
# The runtime image has no curl, wget or javac: the HEALTHCHECK is a tiny class compiled here, run in a
# 16 MB heap so that, next to the service (65% of the container's memory), it never pushes it over.
COPY .ci/HealthCheck.java /src/healthcheck/
RUN javac -d /src/healthcheck /src/healthcheck/HealthCheck.java

FROM eclipse-temurin:21-jre
RUN groupadd --system callout && useradd --system --gid callout --home-dir /app --shell /usr/sbin/nologin callout \
    && mkdir -p /app/data && chown callout:callout /app/data
WORKDIR /app
COPY --from=build /src/target/callout.jar /app/callout.jar
COPY config/ /app/config/
COPY templates/ /app/templates/

# Configured entirely by environment variables (docker run -e NAME=value):
#   CALLOUT_DB_URL, CALLOUT_DB_USER, CALLOUT_DB_PASSWORD   PostgreSQL, e.g. jdbc:postgresql://db:5432/callout
#                                (unset: embedded H2 under /app/data; mount a volume there to keep it)
#   CALLOUT_ADMIN_TOKEN, CALLOUT_LINK_KEY, CALLOUT_ADDRESS_HASH_KEY   secrets, required with PostgreSQL
#   CALLOUT_LINK_PREVIOUS_KEYS   retired link keys (comma-separated) that still verify
#   CALLOUT_MAIL_SMTP_HOST, CALLOUT_MAIL_SMTP_USERNAME, CALLOUT_MAIL_SMTP_PASSWORD   the SMTP relay
#   CALLOUT_INSTANCE_ID          this instance's fixed id (one per instance) when several share one PostgreSQL
ENV CALLOUT_PUBLIC_BASE_URL="http://localhost:8080" \
    CALLOUT_MAIL_TRANSPORT="smtp" \
    CALLOUT_MAIL_SMTP_PORT="587" \
    CALLOUT_MAIL_SMTP_SECURITY="starttls" \
    PORT="8080" \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=65"

USER callout
EXPOSE 8080
COPY --from=build /src/healthcheck/HealthCheck.class /app/healthcheck/
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["java", "-Xmx16m", "-Xss256k", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", "/app/healthcheck", "HealthCheck"]
ENTRYPOINT ["java", "-jar", "/app/callout.jar"]
