package com.diamondpricing.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The diamond-pricing HTTP service; {@code bin/diamonds serve} starts it. */
@SpringBootApplication
public class DiamondsApplication {

  /** Starts the service with Spring Boot's usual arguments. */
  public static void main(String[] args) {
    SpringApplication.run(DiamondsApplication.class, args);
  }
}
