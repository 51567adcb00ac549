/**
 * Hibernate entities for the store's tables and their mapping to and from core's records. Internal
 * to the store module: other modules see core's records only, through the ports.
 */
package com.stampcard.store.entity;
