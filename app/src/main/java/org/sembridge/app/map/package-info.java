/// The embedding-map page (placeholder guide; completed below).
package org.sembridge.app.map;
