# Recouvra: build the jar with the Maven wrapper, run it on a JRE as an unprivileged user.
#   docker build -t recouvra .
# A production-like run with PostgreSQL and a mail catcher: docker-compose.yml, docs/operations.md.

FROM eclipse-temurin:17-jdk AS build
WORKDIR /workspace
# Dependencies first: this layer is rebuilt only when pom.xml or the wrapper changes.
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
RUN chmod +x mvnw && ./mvnw -B dependency:go-offline
COPY src/ src/
COPY processes/ processes/
COPY forms/ forms/
RUN ./mvnw -B -DskipTests package

FROM eclipse-temurin:17-jre
RUN groupadd --system recouvra \
 && useradd --system --gid recouvra --home-dir /app --shell /usr/sbin/nologin recouvra \
 && mkdir /app && chown recouvra:recouvra /app
WORKDIR /app
COPY --from=build /workspace/target/recouvra.jar /app/recouvra.jar
USER recouvra
EXPOSE 8080
ENTRYPOINT ["java","-jar","/app/recouvra.jar"]
