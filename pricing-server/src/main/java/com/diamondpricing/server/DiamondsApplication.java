package com.diamondpricing.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The diamond-pricing HTTP service. */
@SpringBootApplication
public class DiamondsApplication {

  public static void main(String[] args) {
    SpringApplication.run(DiamondsApplication.class, args);
  }
}
