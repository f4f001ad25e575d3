Feature: Kubernetes Basics tutorial (docs: tutorials/kubernetes-basics)

  Background:
    Given a cluster
    When I run "kubectl create deployment kubernetes-bootcamp --image=gcr.io/google-samples/kubernetes-bootcamp:v1"

  Scenario: deploy-app: create deployment, get deployments
    Then the output should be:
      """
      deployment.apps/kubernetes-bootcamp created
      """
    When 5 seconds pass
    And I run "kubectl get deployments"
    Then the output should be:
      """
      NAME                  READY   UP-TO-DATE   AVAILABLE   AGE
      kubernetes-bootcamp   1/1     1            1           5s
      """

  Scenario: explore-app: get pods, describe pods, logs
    When I run "kubectl get pods"
    Then the output should contain "1/1     Running   0          0s"
    When I run "kubectl describe pods"
    Then the output should contain "Image:          gcr.io/google-samples/kubernetes-bootcamp:v1"
    And the output should contain "Labels:           app=kubernetes-bootcamp"

  Scenario: expose-app: a NodePort Service on 8080, describe, curl through the node port
    When I run "kubectl expose deployment/kubernetes-bootcamp --type=NodePort --port 8080"
    Then the output should be:
      """
      service/kubernetes-bootcamp exposed
      """
    When I run "kubectl get services"
    Then the output should contain "kubernetes            ClusterIP   10.96.0.1"
    And the output should contain "kubernetes-bootcamp   NodePort    10."
    And the output should contain "8080:3"
    When I run "kubectl describe services/kubernetes-bootcamp"
    Then the output should contain "Type:                     NodePort"
    And the output should contain "Port:                     <unset>  8080/TCP"
    And the output should contain "TargetPort:               8080/TCP"
    And the output should contain "NodePort:                 <unset>  3"
    And the output should contain "Endpoints:                10.244."
    And service "kubernetes-bootcamp" should have 1 ready endpoint
    And the node port of service "kubernetes-bootcamp" should be between 30000 and 32767

  Scenario: expose-app: labels
    When I run "kubectl describe deployment"
    Then the output should contain "Labels:                 app=kubernetes-bootcamp"
    When I run "kubectl get pods -l app=kubernetes-bootcamp"
    Then the output should contain "kubernetes-bootcamp-"
    When I run "kubectl label pods -l app=kubernetes-bootcamp version=v1"
    Then the output should contain "labeled"
    When I run "kubectl get pods -l version=v1"
    Then the output should contain "1/1     Running"
    When I run "kubectl describe pods"
    Then the output should contain "version=v1"
    When I run "kubectl expose deployment/kubernetes-bootcamp --type=NodePort --port 8080"
    And I run "kubectl get services -l app=kubernetes-bootcamp"
    Then the output should contain "kubernetes-bootcamp   NodePort"
    When I run "kubectl delete service -l app=kubernetes-bootcamp"
    Then the output should be:
      """
      service "kubernetes-bootcamp" deleted
      """
    When I run "kubectl get services"
    Then the output should not contain "kubernetes-bootcamp"

  Scenario: scale-app: scale to 4, get rs, pods -o wide, describe, then scale down to 2
    When I run "kubectl expose deployment/kubernetes-bootcamp --type=NodePort --port 8080"
    And I run "kubectl get rs"
    Then the output should contain "NAME                             DESIRED   CURRENT   READY   AGE"
    And the output should contain "1         1         1       0s"
    When I run "kubectl scale deployments/kubernetes-bootcamp --replicas=4"
    Then the output should be:
      """
      deployment.apps/kubernetes-bootcamp scaled
      """
    When I run "kubectl get deployments"
    Then the output should contain "kubernetes-bootcamp   4/4     4            4"
    When I run "kubectl get pods -o wide"
    Then the output should contain "NAME                                   READY   STATUS    RESTARTS   AGE   IP           NODE     NOMINATED NODE   READINESS GATES"
    And deployment "kubernetes-bootcamp" should have 4 ready pods
    When I run "kubectl describe deployments/kubernetes-bootcamp"
    Then the output should contain "Replicas:               4 desired | 4 updated | 4 total | 4 available | 0 unavailable"
    And the output should contain "Scaled up replica set kubernetes-bootcamp-"
    And the output should contain "from 1 to 4"
    And service "kubernetes-bootcamp" should have 4 ready endpoints
    When I run "kubectl scale deployments/kubernetes-bootcamp --replicas=2"
    And I wait 30 seconds
    And I run "kubectl get deployments"
    Then the output should contain "kubernetes-bootcamp   2/2     2            2"
    And service "kubernetes-bootcamp" should have 2 ready endpoints

  Scenario: update-app: set image v2, rollout status, describe pods
    When I run "kubectl scale deployments/kubernetes-bootcamp --replicas=4"
    And I wait until deployment "kubernetes-bootcamp" is rolled out
    And I run "kubectl set image deployments/kubernetes-bootcamp kubernetes-bootcamp=docker.io/jocatalin/kubernetes-bootcamp:v2"
    Then the output should be:
      """
      deployment.apps/kubernetes-bootcamp image updated
      """
    When I run "kubectl rollout status deployments/kubernetes-bootcamp"
    Then the output should contain:
      """
      deployment "kubernetes-bootcamp" successfully rolled out
      """
    And all pods of deployment "kubernetes-bootcamp" should run image "docker.io/jocatalin/kubernetes-bootcamp:v2"
    And deployment "kubernetes-bootcamp" should be at revision 2
    When I run "kubectl describe pods"
    Then the output should contain "Image:          docker.io/jocatalin/kubernetes-bootcamp:v2"
    When I run "kubectl delete deployments/kubernetes-bootcamp"
    Then the output should be:
      """
      deployment.apps "kubernetes-bootcamp" deleted
      """
