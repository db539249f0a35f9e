-- MySQL dump 10.13  Distrib 8.0.36, for Linux (x86_64)
-- Host: localhost    Database: shop
DROP TABLE IF EXISTS `users`;
CREATE TABLE `users` (
  `id` int NOT NULL AUTO_INCREMENT,
  `email` varchar(255) NOT NULL,
  `password` varchar(255) NOT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
LOCK TABLES `users` WRITE;
INSERT INTO `users` VALUES (1,'ops@sealant.test','$2y$10$/hpSth2SnVhlpNrlN4IiSU9h0vtcUnMUXn24TCKbbyVfBVxG67BcW'),(2,'dev@sealant.test','$2y$10$liyM36ApQwL/374pnPnPF21Q3/EtqLkCwrebtDszqnbyKZdBKoj2o');
UNLOCK TABLES;
CREATE USER 'shop'@'%' IDENTIFIED BY 'pw2&_o4K!UIOcVhS-Xs';
GRANT ALL PRIVILEGES ON shop.* TO 'shop'@'%';
