# One image for every role; VOLUNTREE_ROLES chooses what a container runs.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -ntp -DskipTests package

FROM eclipse-temurin:17-jre
RUN useradd --system --home /app voluntree
WORKDIR /app
COPY --from=build /src/app/target/voluntree-app-*.jar /app/voluntree.jar
ENV TF_CPP_MIN_LOG_LEVEL=2 \
    JAVA_TOOL_OPTIONS="-Dorg.bytedeco.javacpp.cachedir=/app/.javacpp"
USER voluntree
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/voluntree.jar"]
