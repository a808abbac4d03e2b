# syntax=docker/dockerfile:1
#
# One Dockerfile for every runnable module. The build stage compiles the whole Maven reactor once
# (BuildKit caches it, so building five images runs Maven once); the runtime stage takes one module's
# runnable jar, chosen by the MODULE build argument:
#
#   docker build --build-arg MODULE=profile-service --build-arg PORT=8081 -t omnicanal/profile-service .
#
# MODULE: gateway | profile-service | conversation-service | campaign-service | feedback-service
# PORT:   the module's default server port (8080 gateway, 8081..8084 services); documentation only (EXPOSE).

# --- build: the whole reactor, tests skipped (they run in ./omni test and CI) ----------------------
FROM maven:3.9-eclipse-temurin-21 AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2,sharing=locked mvn -B -DskipTests package

# --- runtime: one module's *-exec.jar on a JRE, as a non-root user ---------------------------------
FROM eclipse-temurin:21-jre AS runtime
ARG MODULE
ARG PORT=8080
RUN test -n "$MODULE" || { echo "build argument MODULE is required (e.g. --build-arg MODULE=gateway)" >&2; exit 1; }
# curl is used by the container health checks (docker-compose); install it if the base image lacks it
RUN command -v curl >/dev/null \
    || (apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*)
RUN groupadd --system --gid 10001 omni \
    && useradd --system --uid 10001 --gid omni --home-dir /app --shell /usr/sbin/nologin omni
WORKDIR /app
COPY --from=build --chown=10001:10001 /src/${MODULE}/target/${MODULE}-0.1.0-SNAPSHOT-exec.jar /app/app.jar
# the module's own JVM options (its collector), the same file ./omni up and the benchmarks read
COPY --from=build --chown=10001:10001 /src/${MODULE}/jvm.options /app/jvm.options
USER 10001:10001
ENV OMNI_MODULE=${MODULE}
EXPOSE ${PORT}
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "@/app/jvm.options", "-jar", "/app/app.jar"]
